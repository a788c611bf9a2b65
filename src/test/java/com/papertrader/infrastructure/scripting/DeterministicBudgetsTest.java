package com.papertrader.infrastructure.scripting;

import static com.papertrader.application.backtest.BacktestFixtures.CALENDAR;
import static com.papertrader.application.backtest.BacktestFixtures.CREATED;
import static com.papertrader.domain.market.TestBars.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.backtest.BacktestFixtures;
import com.papertrader.application.backtest.BacktestResult;
import com.papertrader.application.backtest.Backtester;
import com.papertrader.application.settings.Settings;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.agent.ScriptError;
import com.papertrader.domain.agent.ScriptError.Kind;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.TestBars;
import com.papertrader.domain.trading.order.Order;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The instruction budget, not the machine's speed or load, decides whether a scan is too expensive: built-in functions
 * charge it for the work they do in Java, and the wall clock is only a last resort.
 */
class DeterministicBudgetsTest {

    private static final long BUDGET = SandboxLimits.defaults().instructionBudget();
    /** Default budgets and a wall clock that never ends a scan: whatever ends one here does not depend on time. */
    private static final RhinoAgentRuntime WITHOUT_CLOCK = new RhinoAgentRuntime(
            SandboxLimits.defaults().withTimeBudget(Duration.ofDays(1)), CALENDAR);
    /** 20,000 bars: an indicator goes through as many values as a method of a 20,000-element array. */
    private static final BarWindow LONG_WINDOW = TestBars.window(20_000, TestBars.closes("AAPL", at(2025, 3, 14, 9, 30),
            IntStream.range(0, 20_000).mapToDouble(i -> 100 + i % 50).toArray()));
    private static final ScanContext CONTEXT = ScanContext.flat(AgentParameters.none());

    /**
     * Spends 600,000 to 650,000 of the 1,000,000 instructions of each scan, mostly in built-ins and indicators; buys when
     * the 5-bar EMA is above the 13-bar SMA and exits when it is below.
     */
    private static final String HEAVY_AGENT = """
            var numbers = new Array(20000).fill(7), text = 'x'.repeat(200000), mixed = [];
            for (var i = 0; i < 300; i++) mixed.push((i * 7919) % 1000);

            function scan(bars, ctx) {
              var checksum = 0;
              for (var r = 0; r < 5; r++) {
                checksum += numbers.indexOf(-r);
              }
              for (var s = 0; s < 2; s++) {
                checksum += text.indexOf('y' + s);
              }
              checksum += mixed.slice().sort(function (a, b) { return a - b; })[150];
              for (var k = 0; k < bars.length; k++) {
                if (ctx.ema(5, k) > ctx.sma(13, k)) checksum++;
              }
              var fast = ctx.ema(5), slow = ctx.sma(13);
              if (fast === null || slow === null) return;
              if (!ctx.position && fast > slow) return {action: 'buy', reason: 'EMA above SMA ' + checksum};
              if (ctx.position && fast < slow) return {action: 'exit', reason: 'EMA below SMA ' + checksum};
            }
            """;

    /**
     * Rhino counts only the loop's few instructions per call while the call goes through thousands of elements in
     * Java, so such a loop used to run until the wall clock stopped it. Each call is now charged at least
     * {@code chargePerCall}: the instruction budget stops the loop after at most budget / charge calls, every time
     * after the same number.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "numbers.indexOf(-1)              | 100000",
        "numbers.slice().reverse()        | 100000",
        "Math.max.apply(null, numbers)    | 100000",
        "text.indexOf('y')                | 300000",
        "text.toUpperCase()               | 300000",
        "ctx.ema(20)                      | 20000",
        "ctx.crossover('ema:9', 'rsi:14') | 80000"})
    void anExpensiveBuiltInCalledInALoopIsStoppedByTheInstructionBudget(String call, long chargePerCall) {
        long calls = callsUntilStopped(call);

        assertTrue(calls <= BUDGET / chargePerCall + 1, calls + " calls");
        assertEquals(calls, callsUntilStopped(call), "stopped after the same number of calls every time");
    }

    /** A heavy backtest run twice, the second time with twice as many busy-spinning threads as the machine has cores. */
    @Test
    void aBacktestGivesTheSameOrdersAndStatisticsOnAQuietAndOnASaturatedMachine() throws InterruptedException {
        List<ScriptError> failures = new ArrayList<>();
        BacktestResult quiet = backtest(failures);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        BacktestResult saturated;
        try {
            for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                Thread hog = new Thread(() -> {
                    while (!stop.get()) {
                        Thread.onSpinWait();
                    }
                }, "cpu-hog-" + i);
                hog.setDaemon(true);
                hog.start();
                hogs.add(hog);
            }
            saturated = backtest(failures);
        } finally {
            stop.set(true);
            for (Thread hog : hogs) {
                hog.join();
            }
        }

        assertEquals(List.of(), failures, "no scan failed");
        assertFalse(quiet.trades().isEmpty(), "the agent traded");
        assertEquals(describe(quiet.orders()), describe(saturated.orders()));
        assertEquals(quiet.trades(), saturated.trades());
        assertEquals(quiet.equity(), saturated.equity());
        assertEquals(quiet.statistics(), saturated.statistics());
    }

    /** Scans a script calling {@code call} in an endless loop; returns how many calls it began before it was stopped. */
    private static long callsUntilStopped(String call) {
        AgentScript script = assertInstanceOf(Compilation.Success.class, WITHOUT_CLOCK.compile(AgentId.of("expensive"), """
                var numbers = new Array(100000).fill(7), text = 'x'.repeat(300000), calls = 0;
                function scan(bars, ctx) {
                  if (calls > 0) return {action: 'buy', reason: '' + calls};
                  while (true) { calls++; %s; }
                }
                """.formatted(call))).script();
        ScanResult stopped = WITHOUT_CLOCK.scan(script, LONG_WINDOW, CONTEXT);
        assertEquals(Kind.INSTRUCTION_LIMIT, stopped.error().kind(), stopped.error().toString());
        return Long.parseLong(WITHOUT_CLOCK.scan(script, LONG_WINDOW, CONTEXT).signals().get(0).reason());
    }

    /** A trading day of AAPL from the simulated market, with the default sandbox limits; failed scans are collected. */
    private static BacktestResult backtest(List<ScriptError> failures) {
        RhinoAgentRuntime runtime = new RhinoAgentRuntime(SandboxLimits.defaults(), CALENDAR);
        AgentRuntime collecting = new AgentRuntime() {
            @Override
            public Compilation compile(AgentId agentId, String source) {
                return runtime.compile(agentId, source);
            }

            @Override
            public ScanResult scan(AgentScript script, BarWindow window, ScanContext context) {
                ScanResult result = runtime.scan(script, window, context);
                if (result.error() != null) {
                    failures.add(result.error());
                }
                return result;
            }
        };
        Settings settings = BacktestFixtures.settings(Map.of());
        Agent agent = new Agent(AgentId.of("heavy"), "Heavy", HEAVY_AGENT, WatchedTickers.of("AAPL"), AgentParameters.none(),
                AgentRiskSettings.defaults(), CREATED);
        return new Backtester(collecting, settings.scanner(), settings.trading(), CALENDAR).run(agent, List.of("AAPL"),
                new BigDecimal("100000.00"), List.of(),
                Backtester.inTimeOrder(BacktestFixtures.simulated(List.of("AAPL"), LocalDate.of(2025, 3, 3), 1)),
                Backtester.Progress.NONE, () -> false);
    }

    /** Each order's id, side, type, quantities, prices, status, times and reason. */
    private static List<String> describe(List<Order> orders) {
        return orders.stream().map(order -> String.join(" ", order.id(), order.side().name(), order.type().name(),
                Long.toString(order.quantity()), Long.toString(order.filledQuantity()), String.valueOf(order.limitPrice()),
                String.valueOf(order.stopPrice()), String.valueOf(order.averageFillPrice()), order.status().name(),
                String.valueOf(order.createdAt()), String.valueOf(order.lastEvent().occurredAt()), order.reason())).toList();
    }
}
