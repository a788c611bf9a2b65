package com.papertrader.application.trading;

import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.ingest.InMemoryBarStore;
import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TestBars;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Live trading as the trading desk assembles it, in plain Java: one broker, the scanner on the real sandboxed runtime,
 * {@link BarTrading} and {@link AgentAdministration} over it, and in-memory stores for the bars and the trading.
 * {@link #restart()} builds both parts again from what the store holds, as the desk does at a start.
 */
final class LiveDesk {

    static final Clock WALL = Clock.fixed(Instant.parse("2026-03-04T20:00:00Z"), ZoneOffset.UTC);
    static final MarketCalendar CALENDAR = MarketCalendar.nyse();
    static final BigDecimal STARTING_CASH = new BigDecimal("100000.00");
    /** Buys 10 on its third bar, exits on its sixth. */
    static final String STEPPER = """
            function scan(bars, ctx) {
              if (!ctx.position && bars.length === 3) return { action: "buy", qty: 10, reason: "third bar" };
              if (ctx.position && bars.length === 6) return { action: "exit", reason: "sixth bar" };
            }
            """;
    static final String BROKEN = "function scan(bars, ctx) { return undefinedVariable.price; }";

    final InMemoryTradingStore store = new InMemoryTradingStore();
    final InMemoryBarStore bars = new InMemoryBarStore();
    final ScannerSettings scanning;
    AgentScanner scanner;
    Broker broker;
    BarTrading trading;
    AgentAdministration administration;
    private final int refusedOrdersKept;

    LiveDesk() {
        this(1_000);
    }

    /** @param kept each agent's newest refused orders kept in full, and its scans with signals and failed scans */
    LiveDesk(int kept) {
        this.refusedOrdersKept = kept;
        this.scanning = new ScannerSettings(50, 3, false, kept);
        restart();
    }

    /** A new broker and scanner holding what the store holds, as after a restart. */
    void restart() {
        BarClock clock = new BarClock(Instant.EPOCH);
        broker = new Broker(clock, FillModel.of(CALENDAR), FeeModel.free());
        broker.restore(store.accounts(), store.openPositions(), store.ordersToRemember(Instant.EPOCH));
        scanner = new AgentScanner(new RhinoAgentRuntime(SandboxLimits.defaults(), CALENDAR), scanning.windowSize(),
                scanning.maxConsecutiveErrors());
        store.agents().forEach(scanner::install);
        administration = new AgentAdministration(broker, store, scanner, STARTING_CASH, WALL);
        administration.restoreRiskState();
        store.agents().forEach(agent -> administration.prepare(agent).ifPresent(store::save));
        trading = new BarTrading(new BarProcessor(broker, clock, scanner), store.cursors(), store, bars, scanner, scanning, CALENDAR,
                refusedOrdersKept);
        trading.warmWindows(List.of(Ticker.of("TEST")));
    }

    static AgentDefinition definition(String id, String script) {
        return new AgentDefinition(AgentId.of(id), "Agent " + id, script, WatchedTickers.of("TEST"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false));
    }

    Agent add(String id, String script) {
        return administration.add(definition(id, script));
    }

    /** Stores the bars as the poller does and trades them as one live event. */
    TradingSaved live(List<Bar> newBars) {
        bars.upsert(newBars);
        return trading.onBars(new BarsIngested(newBars, newBars.get(0).start()));
    }

    /** Wednesday 2026-03-04's bars of TEST from 09:30 New York, rising a dollar a bar, from the {@code from}-th. */
    static List<Bar> day(int from, int count) {
        double[] closes = new double[count];
        for (int i = 0; i < count; i++) {
            closes[i] = 100 + from + i;
        }
        return TestBars.closes("TEST", TestBars.at(2026, 3, 4, 9, 30).plus(TestBars.FIVE_MINUTES.multipliedBy(from)), closes);
    }
}
