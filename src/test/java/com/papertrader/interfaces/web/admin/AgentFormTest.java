package com.papertrader.interfaces.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.WatchedTickers;
import jakarta.validation.Validator;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The checks and conversion the form adds after Bean Validation (whose annotations the container evaluates; no
 * implementation is on the unit-test class path, so here it finds nothing and only the form's own checks run).
 */
class AgentFormTest {

    private static final Validator NO_VIOLATIONS = (Validator) Proxy.newProxyInstance(Validator.class.getClassLoader(),
            new Class<?>[]{Validator.class}, (proxy, method, args) -> Set.of());

    @Test
    void aValidFormBecomesTheAgentItDescribes() {
        AgentForm form = AgentForm.blank();
        form.id = "breakout";
        form.name = "  Breakout  ";
        form.tickers = "AAPL, BRK.B";
        form.parameters = "{\"period\": 20}";
        form.positionNotional = "2500.50";
        form.maxOpenPositions = "3";
        form.stopLossPercent = "1.5";
        form.takeProfitPercent = null;
        form.maxDailyLoss = "1500.50";
        form.flattenMinutesBeforeClose = "15";
        form.coolDownAfterLosses = "3";
        form.maxDrawdownPercent = "12.5";

        assertEquals(Map.of(), form.errors(NO_VIOLATIONS, false));
        AgentDefinition agent = form.toDefinition();

        assertEquals("breakout", agent.id().value());
        assertEquals("Breakout", agent.name());
        assertEquals(WatchedTickers.of("AAPL", "BRK.B"), agent.tickers());
        assertEquals(AgentParameters.fromJson("{\"period\":20}"), agent.parameters());
        assertEquals(0, new BigDecimal("2500.50").compareTo(agent.risk().getPositionNotional()));
        assertEquals(3, agent.risk().getMaxOpenPositions());
        assertEquals(0, new BigDecimal("1.5").compareTo(agent.risk().getStopLossPercent()));
        assertNull(agent.risk().getTakeProfitPercent());
        assertEquals(0, new BigDecimal("1500.50").compareTo(agent.risk().getMaxDailyLoss()));
        assertEquals(15, agent.risk().getFlattenMinutesBeforeClose());
        assertEquals(3, agent.risk().getCoolDownAfterLosses());
        assertEquals(0, new BigDecimal("12.5").compareTo(agent.risk().getMaxDrawdownPercent()));
        assertNull(agent.account());
    }

    @Test
    void parametersThatAreNotAJsonObjectAreNamedBesideTheirField() {
        AgentForm form = AgentForm.blank();
        for (String bad : new String[]{"[1, 2]", "{\"a\":", "42", "nonsense"}) {
            form.parameters = bad;
            String error = form.errors(NO_VIOLATIONS, false).get("parameters");
            assertTrue(error != null && error.startsWith("The parameters must be a JSON object"), bad + ": " + error);
        }
        form.parameters = "";
        assertFalse(form.errors(NO_VIOLATIONS, false).containsKey("parameters"), "no parameters is fine");
    }

    @Test
    void theEditFormShowsTheAgentAsSaved() {
        AgentForm blank = AgentForm.blank();
        blank.id = "shared-one";
        blank.name = "Shared";
        blank.tickers = "*";
        blank.account = "team";
        var agent = blank.toDefinition().toAgent(Clock.fixed(Instant.parse("2026-11-24T14:30:00Z"), ZoneOffset.UTC));

        AgentForm form = AgentForm.of(agent);

        assertEquals("shared-one", form.getId());
        assertEquals("*", form.getTickers());
        assertEquals("team", form.getAccount());
        assertEquals("10000", form.getPositionNotional());
        assertEquals("5", form.getMaxOpenPositions());
        assertEquals("2", form.getStopLossPercent());
        assertEquals("4", form.getTakeProfitPercent());
        assertEquals("2000", form.getMaxDailyLoss());
        assertNull(form.getFlattenMinutesBeforeClose());
        assertNull(form.getCoolDownAfterLosses());
        assertEquals(blank.getScript(), form.getScript());
    }
}
