package com.papertrader.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.WatchedTickers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentChangesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T15:00:00Z"), ZoneOffset.UTC);
    private static final String SCRIPT = "function scan(ctx) { return []; }";

    private static Agent agent() {
        return new Agent(AgentId.of("momo"), "Momentum", SCRIPT, WatchedTickers.of("AAPL"), AgentParameters.of(Map.of("len", 20)),
                new AgentRiskSettings(new BigDecimal("5000"), 3, new BigDecimal("2"), null, false), CLOCK);
    }

    @Test
    void anEditIsDescribedByTheSettingsItChangedOnly() {
        Agent agent = agent();
        Map<String, String> before = AgentChanges.settings(agent);

        agent.rename("Momentum 2", CLOCK);
        agent.changeRiskSettings(new AgentRiskSettings(new BigDecimal("5000.00"), 5, new BigDecimal("2"), new BigDecimal("4"), false), CLOCK);
        agent.watch(WatchedTickers.of("AAPL", "MSFT"), CLOCK);

        assertEquals("name: Momentum -> Momentum 2; tickers: AAPL -> AAPL,MSFT; maxOpenPositions: 3 -> 5; takeProfitPercent: none -> 4",
                AgentChanges.between(before, agent));
    }

    @Test
    void aChangedScriptIsNamedByItsHashNotItsText() {
        Agent agent = agent();
        Map<String, String> before = AgentChanges.settings(agent);

        agent.replaceScript("function scan(ctx) { return [{ticker: 'AAPL', action: 'BUY'}]; }", CLOCK);

        String described = AgentChanges.between(before, agent);
        assertTrue(described.matches("script: sha256 [0-9a-f]{12} -> sha256 [0-9a-f]{12}"), described);
        assertEquals("nothing changed", AgentChanges.between(AgentChanges.settings(agent), agent));
    }

    @Test
    void aNewAgentIsDescribedByAllItsSettings() {
        String described = AgentChanges.of(agent());

        assertTrue(described.startsWith("name=Momentum; tickers=AAPL; parameters={\"len\":20}; account=momo; positionNotional=5000;"
                + " maxOpenPositions=3; stopLossPercent=2;"), described);
    }
}
