package com.papertrader.bench;

import com.papertrader.application.backtest.BacktestFixtures;
import com.papertrader.application.backtest.BacktestResult;
import com.papertrader.application.backtest.Backtester;
import com.papertrader.application.backtest.ParameterGrid;
import com.papertrader.application.backtest.RunProgress;
import com.papertrader.application.backtest.SweepRunner;
import com.papertrader.application.settings.Settings;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.Bar;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parameter sweep throughput: 100 combinations of the SMA crossover sample agent's parameters (fast 5..14 × slow
 * 30..75 step 5) over the same 100,000 bars of 48 tickers (the simulated market, seed 42), each a whole backtest, run
 * by the product's {@link SweepRunner} on {@code parallelism} threads (the benchmark's own and the rest from a fixed
 * thread pool). One invocation is the whole sweep, counted as its 100 runs, so the score is runs per second; the
 * ratio 2 ÷ 1 is taken from the two scores of one JMH run. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SweepBenchmark.COMBINATIONS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
// A sweep lasts far longer than the 1 s iterations: each iteration is exactly one sweep.
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class SweepBenchmark {

    static final int COMBINATIONS = 100;
    static final int BARS = 100_000;
    /** Fast 5..14 × slow 30..75 step 5: 100 combinations, every fast below every slow, all within the 200-bar window. */
    static final String GRID = "{\"fast\": {\"from\": 5, \"to\": 14, \"step\": 1}, \"slow\": {\"from\": 30, \"to\": 75, \"step\": 5}}";

    /** Threads running combinations at once, 1 or 2 (the machine's cores); at 1 the JIT and GC still use the other core. */
    @Param({"1", "2"})
    public int parallelism;

    private SweepRunner runner;
    private List<SweepRunner.Combination> combinations;
    private ExecutorService pool;
    /** Each measured sweep's sum of end equities: the same bars and parameters must give the same sum every time. */
    private final Set<BigDecimal> sums = new TreeSet<>();

    @Setup(Level.Trial)
    public void setUp() {
        BacktestBenchmark.quietRejections();
        List<List<Bar>> series = BacktestBenchmark.seriesOf(BARS);
        Agent agent = BacktestBenchmark.smaCrossover();
        Settings settings = BacktestFixtures.settings(Map.of());
        Backtester backtester = new Backtester(new RhinoAgentRuntime(SandboxLimits.defaults(), BenchMarket.CALENDAR), settings.scanner(),
                settings.trading(), BenchMarket.CALENDAR);
        runner = new SweepRunner(backtester, agent, BenchMarket.TICKERS, BacktestBenchmark.CASH, List.of(), series);
        ParameterGrid grid = ParameterGrid.parse(GRID);
        combinations = new ArrayList<>();
        List<Map<String, Object>> values = grid.combinations();
        for (int i = 0; i < values.size(); i++) {
            combinations.add(new SweepRunner.Combination("run-" + i, ParameterGrid.overlay(agent.getParameters(), values.get(i))));
        }
        if (combinations.size() != COMBINATIONS) {
            throw new IllegalStateException("the grid has " + combinations.size() + " combinations, not " + COMBINATIONS);
        }
        // The calling thread is one of the sweep's threads; the pool gives the others (none at parallelism 1).
        pool = Executors.newFixedThreadPool(Math.max(1, parallelism - 1));
        // Check run: the grid's two corners went through all the bars and traded (also a first warm-up of the JIT).
        Outcomes check = new Outcomes();
        runner.run(List.of(combinations.get(0), combinations.get(COMBINATIONS - 1)), parallelism, pool, check, () -> false);
        check.verify(2);
        System.out.printf("Check run: run-0 %s and run-%d %s, %d bars each, trades %s, sum of end equities %s%n",
                combinations.get(0).parameters().asMap(), COMBINATIONS - 1, combinations.get(COMBINATIONS - 1).parameters().asMap(), BARS,
                check.trades, check.equity);
    }

    /** The whole sweep: 100 backtests of the same bars, {@code parallelism} at a time. */
    @Benchmark
    public BigDecimal sweep() {
        Outcomes outcomes = new Outcomes();
        runner.run(combinations, parallelism, pool, outcomes, () -> false);
        outcomes.verify(COMBINATIONS);
        sums.add(outcomes.equity);
        return outcomes.equity;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        System.out.printf("Sweeps' sum of end equities: %s%n", sums);
        if (sums.size() != 1) {
            throw new IllegalStateException("the sweeps of the same bars gave different sums of end equities: " + sums);
        }
    }

    /** Sums the runs' end equities and keeps count; called by every sweep thread, so synchronized (100 calls a sweep). */
    private static final class Outcomes implements SweepRunner.Outcomes {
        private final List<String> failures = new ArrayList<>();
        private final Map<String, Integer> trades = new TreeMap<>();
        private BigDecimal equity = BigDecimal.ZERO;
        private int finished;

        @Override
        public RunProgress started(SweepRunner.Combination combination, long bars) {
            return new RunProgress();
        }

        @Override
        public synchronized void finished(SweepRunner.Combination combination, BacktestResult result) {
            if (result.barsProcessed() != BARS || result.canceled()) {
                failures.add(combination.runId() + ": " + result.barsProcessed() + " bars, canceled " + result.canceled());
                return;
            }
            equity = equity.add(result.equity().get(result.equity().size() - 1).equity());
            trades.put(combination.runId(), result.trades().size());
            finished++;
        }

        @Override
        public synchronized void failed(SweepRunner.Combination combination, String reason) {
            failures.add(combination.runId() + ": " + reason);
        }

        synchronized void verify(int expected) {
            if (finished != expected || !failures.isEmpty() || trades.containsValue(0)) {
                throw new IllegalStateException("the sweep did not run through: " + finished + " of " + expected + " finished, trades "
                        + trades + ", failures " + failures);
            }
        }
    }
}
