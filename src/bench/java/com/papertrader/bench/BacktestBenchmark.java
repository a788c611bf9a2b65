package com.papertrader.bench;

import com.papertrader.application.backtest.BacktestFixtures;
import com.papertrader.application.backtest.BacktestResult;
import com.papertrader.application.backtest.Backtester;
import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.settings.Settings;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Backtest throughput: the SMA crossover sample agent over 1,000,000 bars of 48 tickers (the simulated market, seed 42,
 * about 267 trading days), end to end through {@link Backtester} (merge in time order, scan, broker, equity curve,
 * trades, statistics, buy and hold), against the same agent's scans alone over the same bars (the scanner, no broker).
 * One operation is the whole run; bars per second = 1,000,000 / seconds. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class BacktestBenchmark {

    static final int BARS = 1_000_000;
    static final BigDecimal CASH = new BigDecimal("100000.00");
    /** Held here: a logger only configured, and not yet held by BarProcessor, could be collected with its level. */
    private static final Logger REJECTIONS = Logger.getLogger(BarProcessor.class.getName());

    private List<List<Bar>> series;
    private Agent agent;
    private Settings settings;
    private RhinoAgentRuntime runtime;

    @Setup
    public void setUp() {
        quietRejections();
        series = seriesOf(BARS);
        agent = smaCrossover();
        settings = BacktestFixtures.settings(Map.of());
        runtime = new RhinoAgentRuntime(SandboxLimits.defaults(), BenchMarket.CALENDAR);
        BacktestResult check = backtest();
        if (check.barsProcessed() != BARS || check.agentStopped().isPresent()) {
            throw new IllegalStateException("the backtest did not run through: " + check.barsProcessed() + " bars, " + check.agentStopped());
        }
        System.out.printf("Check run: %d bars, %d orders, %d fills, %d trades, return %.4f%n", check.barsProcessed(),
                check.orders().size(), check.fills().size(), check.trades().size(), check.statistics().totalReturn());
    }

    /** Rejected orders (the agent at its 3 positions) are logged at INFO per order: that would measure the console. */
    static void quietRejections() {
        REJECTIONS.setLevel(Level.WARNING);
    }

    /** {@code bars} bars of the simulated market over the 48 tickers, one list per ticker in time order. */
    static List<List<Bar>> seriesOf(int bars) {
        Map<String, List<Bar>> byTicker = new LinkedHashMap<>();
        for (Bar bar : BenchMarket.simulatedBackfill(BenchMarket.TICKERS, bars)) {
            byTicker.computeIfAbsent(bar.ticker(), ticker -> new ArrayList<>()).add(bar);
        }
        return List.copyOf(byTicker.values());
    }

    /** The SMA crossover sample agent, with its own parameters and risk settings, watching the 48 tickers. */
    static Agent smaCrossover() {
        Agent agent = BacktestFixtures.sampleAgent("sma-crossover");
        agent.watch(WatchedTickers.of(BenchMarket.TICKERS), BacktestFixtures.CREATED);
        return agent;
    }

    /** Everything a backtest does for its bars. */
    @Benchmark
    public BacktestResult backtest() {
        return new Backtester(runtime, settings.scanner(), settings.trading(), BenchMarket.CALENDAR).run(agent, BenchMarket.TICKERS, CASH, List.of(),
                Backtester.inTimeOrder(series), Backtester.Progress.NONE, () -> false);
    }

    /**
     * A backtest and then the scans alone, timed one after the other in each operation, so that both meet the same
     * state of the machine (whose speed drifts by half over tens of seconds here) and their ratio is read per pair.
     * The operation's own time is the sum; the two seconds are the secondary results.
     */
    @Benchmark
    public long alternating(Pair pair) {
        long started = System.nanoTime();
        BacktestResult result = backtest();
        long between = System.nanoTime();
        long orders = scanOnly();
        long ended = System.nanoTime();
        pair.backtestSeconds += (between - started) / 1e9;
        pair.scanOnlySeconds += (ended - between) / 1e9;
        return result.barsProcessed() + orders;
    }

    /** The two seconds of an {@link #alternating} operation, summed by JMH over each iteration's one operation. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Pair {
        public double backtestSeconds;
        public double scanOnlySeconds;

        @Setup(org.openjdk.jmh.annotations.Level.Iteration)
        public void clear() {
            backtestSeconds = 0;
            scanOnlySeconds = 0;
        }
    }

    /** The agent's scans of the same bars in the same order, flat all along: no broker, no orders placed. */
    @Benchmark
    public long scanOnly() {
        AgentScanner scanner = new AgentScanner(runtime, settings.scanner().windowSize(), settings.scanner().maxConsecutiveErrors());
        scanner.install(agent);
        long orders = 0;
        for (Iterator<Bar> bars = Backtester.inTimeOrder(series); bars.hasNext(); ) {
            orders += scanner.ordersFor(bars.next(), true, (account, ticker) -> Optional.empty()).orders().size();
        }
        return orders;
    }
}
