package com.papertrader.bench;

import com.papertrader.application.ingest.BarPoller;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.ingest.InMemoryBarStore;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.PollCycle;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * One poll cycle of a large universe on a paid plan (issue "Universe scale"): {@code tickers} tickers fetched by the
 * real {@link BarPoller}, {@code concurrent} calls at a time, each taking its turn in a {@link CallBudget} paced to
 * {@code callsPerSecond} as the Polygon feed does, from a feed that answers after {@code latencyMillis} (the simulated
 * market's bars behind a sleep: the poller's view of a remote REST API, without the HTTP and JSON work PolygonFeedIT
 * covers), each answer stored in memory and traded by 20 sample agents
 * on the calling thread as the poller hands it on. The score is the whole cycle (every ticker stored and traded); the
 * tear-down prints, over the measured cycles, how long each ticker's bar waited from its answer to being traded.
 * Results and the command: BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3)
@Measurement(iterations = 10)
public class RestUniverseBenchmark {

    @Param("3000")
    public int tickers;

    @Param("20")
    public int latencyMillis;

    @Param("8")
    public int concurrent;

    /** Polygon's "stay under about 100 requests a second". */
    @Param("100")
    public int callsPerSecond;

    private final MutableClock clock = new MutableClock(BenchMarket.FIRST_DAY.plusDays(1).atTime(LocalTime.of(9, 35, 10))
            .atZone(MarketCalendar.NEW_YORK).toInstant());
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final List<Long> waits = new ArrayList<>();
    private final List<Long> firstTradedAfterStart = new ArrayList<>();
    private ExecutorService threads;
    private BarSchedule schedule;
    private BarPoller poller;
    private FeedStats stats;
    private long cycleStart;
    private long firstTraded;
    private boolean measuring;

    @Setup(Level.Trial)
    public void setUp() {
        SimulatedMarket market = new SimulatedMarket(42, BenchMarket.FIVE_MINUTES, BenchMarket.CALENDAR, clock);
        // The pace is kept in real time; the bars' clock only moves from one bar to the next.
        CallBudget budget = new CallBudget(Integer.MAX_VALUE, callsPerSecond, Clock.systemUTC(), CallBudget.SLEEP);
        MarketFeed remote = new MarketFeed() {
            @Override
            public String name() {
                return "remote";
            }

            @Override
            public FetchedBars fetch(String ticker, Instant from, Instant to) throws FeedException {
                try {
                    if (!budget.acquire(Duration.ofSeconds(1))) {
                        throw new FeedException(FeedException.Kind.RATE_LIMITED, "no turn for " + ticker);
                    }
                    Thread.sleep(latencyMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                FetchedBars bars;
                synchronized (market) {
                    bars = market.fetch(ticker, from, to);
                }
                answeredAt.put(ticker, System.nanoTime());
                return bars;
            }
        };
        BarProcessor processor = BarEventBenchmark.trading(BarEventBenchmark.scanner(20));
        schedule = new BarSchedule(BenchMarket.CALENDAR, BenchMarket.FIVE_MINUTES, Duration.ZERO, Duration.ofSeconds(10), false);
        stats = new FeedStats(clock);
        threads = Executors.newFixedThreadPool(concurrent);
        poller = new BarPoller(remote, new InMemoryBarStore(), schedule, budget, RetryPolicy.standard(),
                stats, clock, BenchMarket.universe(tickers), 1, event -> trade(processor, event),
                new BarPoller.Calls(threads, concurrent, Clock.systemUTC()));
        poller.tick(); // the start-up backfill of one session, traded like the rest
    }

    private void trade(BarProcessor processor, BarsIngested event) {
        for (Bar bar : event.bars()) {
            processor.process(bar, event.isLive(bar));
        }
        long now = System.nanoTime();
        if (measuring && event.bars().stream().anyMatch(event::isLive)) {
            firstTraded = firstTraded < 0 ? now - cycleStart : firstTraded;
            event.bars().stream().filter(event::isLive).forEach(bar -> waits.add(now - answeredAt.get(bar.ticker())));
        }
    }

    /** The next bar becomes due (a minute later the call budget has room again, as on a real 5-minute cycle). */
    @Setup(Level.Iteration)
    public void nextBar(IterationParams iteration) {
        clock.set(schedule.nextDueAt(clock.instant()));
        measuring = iteration.getType() == IterationType.MEASUREMENT;
    }

    @Benchmark
    public PollCycle oneCycle() {
        cycleStart = System.nanoTime();
        firstTraded = -1;
        poller.tick();
        if (measuring) {
            firstTradedAfterStart.add(firstTraded);
        }
        return stats.snapshot().lastCycle().orElseThrow();
    }

    @TearDown(Level.Trial)
    public void report() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> sorted = waits.stream().sorted().toList();
        PollCycle last = stats.snapshot().lastCycle().orElseThrow();
        System.out.printf("%n%d tickers, %d ms latency, %d at a time: %,d live bars traded; answer -> traded p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; first traded after a cycle's start: %s ms; last cycle: %s%n",
                tickers, latencyMillis, concurrent, sorted.size(), millis(sorted, 0.50), millis(sorted, 0.99),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6,
                firstTradedAfterStart.stream().map(nanos -> String.format("%.1f", nanos / 1e6)).toList(), last);
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
    }
}
