package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.ingest.StreamIngest;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.application.trading.TradingChanges;
import com.papertrader.bench.BarEventBenchmark;
import com.papertrader.bench.BenchMarket;
import com.papertrader.bench.ScanCycleBenchmark;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MinuteBars;
import com.papertrader.domain.market.MinuteStream;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.infrastructure.polygon.PolygonStreamMessages;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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

/**
 * A trading day of a large universe arriving on the minute stream (issue "Universe scale", the WebSocket feed), in
 * process: for each of a session's 78 bars, the five minute frames of every ticker (Polygon's {@code AM} events, one
 * frame per minute as an {@code AM.*} burst) go through {@link PolygonStreamMessages} and {@link StreamIngest}, which
 * builds the bars, stores them with {@link JpaBarStore} and hands them to the broker and the sample agents, whose
 * changes {@link JpaTradingStore} saves, all on SQLite. Timed per bar: from the last minute's frame read to every order
 * stored (parsing, building, storing the bars, scanning, the broker, saving); the WebSocket's framing and the network
 * are not in it. Prints p50, p90 and the slowest. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class StreamDayBenchmark {

    private static final int EVENTS_PER_DAY = 78;
    private static final int KEPT = 1000;

    @Param("3000")
    public int tickers;

    @Param("20")
    public int agents;

    private final PolygonStreamMessages messages = new PolygonStreamMessages();
    private BenchTradingDatabase database;
    private BarProcessor processor;
    private Iterator<List<Bar>> events;
    private StreamIngest ingest;
    private long[] lastMinuteToOrdersStored;

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        var scanner = BarEventBenchmark.scanner(agents);
        events = BenchMarket.simulatedEvents(BenchMarket.universe(tickers), BenchMarket.FIRST_DAY);
        ScanCycleBenchmark.warm(scanner, events, ScanCycleBenchmark.WINDOW_SIZE);
        processor = BarEventBenchmark.trading(scanner);
        database = new BenchTradingDatabase();
        database.inTransaction(em -> processor.broker().accounts().forEach(BenchTradingDatabase.tradingStore(em)::save));
        BarStore bars = new TransactionalBarStore(database, BenchDatabase.packagedSettings().market());
        // the bar before the first streamed one, as REST stored and the desk traded it: streamed bars follow it
        List<Bar> restStored = events.next();
        bars.upsert(restStored);
        trade(new BarsIngested(restStored, restStored.get(0).start()));
        BarSchedule schedule = new BarSchedule(BenchMarket.CALENDAR, BenchMarket.FIVE_MINUTES, Duration.ZERO, Duration.ofSeconds(10), false);
        Clock clock = Clock.systemUTC();
        ingest = new StreamIngest(new Connected(), new MinuteBars(schedule, clock), schedule, bars, new FeedStats(clock), Runnable::run,
                this::trade);
        ingest.subscribed(restStored.get(0).start());
    }

    @Setup(Level.Iteration)
    public void clearTimes() {
        lastMinuteToOrdersStored = new long[EVENTS_PER_DAY];
    }

    /** One session's bars, minute by minute. */
    @Benchmark
    public int streamDay() {
        int minutes = 0;
        for (int e = 0; e < EVENTS_PER_DAY; e++) {
            List<String> frames = minuteFrames(events.next());
            for (int m = 0; m < frames.size() - 1; m++) {
                minutes += feed(frames.get(m));
            }
            long start = System.nanoTime();
            minutes += feed(frames.get(frames.size() - 1));
            lastMinuteToOrdersStored[e] = System.nanoTime() - start;
        }
        return minutes;
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n%d tickers x %d agents, last minute's frame read -> every order stored: %s%n", tickers, agents,
                TradingDayBenchmark.percentiles(lastMinuteToOrdersStored));
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        database.close();
    }

    private int feed(String frame) {
        List<Bar> minutes = messages.read(frame).minutes();
        ingest.minutes(minutes);
        return minutes.size();
    }

    /** As the desk does: every bar through the broker and the agents, the changes saved in one transaction. */
    private void trade(BarsIngested event) {
        TradingChanges changes = new TradingChanges(KEPT, KEPT);
        for (Bar bar : event.bars()) {
            changes.add(bar, processor.process(bar, event.isLive(bar)));
        }
        database.inTransaction(em -> BenchTradingDatabase.tradingStore(em).save(changes));
    }

    /**
     * Five frames, one per minute, of every ticker's minute events whose bar is the given one: the first minute has its
     * open, high and low, the middle ones stay at the open, the last one closes it; the volume is split in five.
     */
    private static List<String> minuteFrames(List<Bar> event) {
        List<StringBuilder> frames = new ArrayList<>();
        for (int m = 0; m < 5; m++) {
            frames.add(new StringBuilder("["));
        }
        for (Bar bar : event) {
            BigDecimal fifth = bar.volume().divide(BigDecimal.valueOf(5), 0, RoundingMode.DOWN);
            BigDecimal last = bar.volume().subtract(fifth.multiply(BigDecimal.valueOf(4)));
            for (int m = 0; m < 5; m++) {
                BigDecimal open = bar.open();
                BigDecimal close = m == 4 ? bar.close() : open;
                BigDecimal high = m == 0 ? bar.high() : open.max(close);
                BigDecimal low = m == 0 ? bar.low() : open.min(close);
                Instant start = bar.start().plus(Duration.ofMinutes(m));
                StringBuilder frame = frames.get(m);
                if (frame.length() > 1) {
                    frame.append(',');
                }
                frame.append("{\"ev\":\"AM\",\"sym\":\"").append(bar.ticker()).append("\",\"v\":").append(m == 4 ? last : fifth)
                        .append(",\"vw\":").append(close).append(",\"o\":").append(open).append(",\"c\":").append(close)
                        .append(",\"h\":").append(high).append(",\"l\":").append(low).append(",\"s\":").append(start.toEpochMilli())
                        .append(",\"e\":").append(start.plusSeconds(60).toEpochMilli()).append('}');
            }
        }
        return frames.stream().map(frame -> frame.append(']').toString()).toList();
    }

    /** The stream itself is not in process: the benchmark is its listener's caller. */
    private static final class Connected implements MinuteStream {
        @Override
        public void keepConnected(Listener listener) {
        }

        @Override
        public void close() {
        }
    }

    /** The server's bar store, each call in a transaction of its own as in the container. */
    private static final class TransactionalBarStore implements BarStore {
        private final BenchTradingDatabase database;
        private final MarketSettings settings;

        TransactionalBarStore(BenchTradingDatabase database, MarketSettings settings) {
            this.database = database;
            this.settings = settings;
        }

        private <T> T on(Function<JpaBarStore, T> work) {
            return database.read(em -> work.apply(store(em)));
        }

        private JpaBarStore store(EntityManager em) {
            JpaBarStore store = new JpaBarStore();
            store.em = em;
            store.settings = settings;
            return store;
        }

        @Override
        public StoredBars upsert(List<Bar> bars) {
            return on(store -> store.upsert(bars));
        }

        @Override
        public List<Bar> latest(String ticker, int count) {
            return on(store -> store.latest(ticker, count));
        }

        @Override
        public List<Bar> latestUpTo(String ticker, Instant through, int count) {
            return on(store -> store.latestUpTo(ticker, through, count));
        }

        @Override
        public List<Bar> after(String ticker, Instant start) {
            return on(store -> store.after(ticker, start));
        }

        @Override
        public List<Bar> range(String ticker, Instant from, Instant to) {
            return on(store -> store.range(ticker, from, to));
        }

        @Override
        public Optional<Instant> lastBarStart(String ticker) {
            return on(store -> store.lastBarStart(ticker));
        }

        @Override
        public long count() {
            return on(JpaBarStore::count);
        }
    }
}
