package com.papertrader.infrastructure.persistence;

import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.application.trading.TradingChanges;
import com.papertrader.bench.BarEventBenchmark;
import com.papertrader.bench.BenchMarket;
import com.papertrader.bench.ScanCycleBenchmark;
import com.papertrader.domain.market.Bar;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A trading day of a large universe saved to SQLite, as the desk saves it (issue "Universe scale", refused signals): each
 * iteration is one session's 78 bar events of {@code tickers} tickers scanned by {@code agents} sample agents and
 * processed by the broker, each event saved in one transaction through {@link JpaTradingStore}. After each day it
 * prints what the database grew by (bytes in use and rows per table), and for its bar events the time from the bars
 * to every order stored (processing and saving) and the saving alone: p50, p90 and the slowest.
 * {@code history} is trading.refused-orders-kept and scanner.records-kept; {@code all} keeps every refused order and
 * every scan record, as before refusals were counted.
 * Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 0)
@Measurement(iterations = 2)
public class TradingDayBenchmark {

    private static final int EVENTS_PER_DAY = 78;
    private static final List<String> TABLES = List.of("orders", "order_events", "refusal_counts", "fills", "positions",
            "equity_snapshots", "scan_records");

    @Param("3000")
    public int tickers;

    @Param("20")
    public int agents;

    /** Each agent's newest refused orders kept in full, and scan records: a number, or {@code all}. */
    @Param({"1000", "all"})
    public String history;

    private BenchTradingDatabase database;
    private BarProcessor processor;
    private Iterator<List<Bar>> events;
    private int kept;
    private long[] saveNanos;
    private long[] eventNanos;
    private long bytesBefore;
    private Map<String, Long> rowsBefore;

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        kept = history.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(history);
        AgentScanner scanner = BarEventBenchmark.scanner(agents);
        events = BenchMarket.simulatedEvents(BenchMarket.universe(tickers), BenchMarket.FIRST_DAY);
        ScanCycleBenchmark.warm(scanner, events, ScanCycleBenchmark.WINDOW_SIZE);
        processor = BarEventBenchmark.trading(scanner);
        database = new BenchTradingDatabase();
        database.inTransaction(em -> processor.broker().accounts().forEach(BenchTradingDatabase.tradingStore(em)::save));
    }

    @Setup(Level.Iteration)
    public void measureBefore() {
        saveNanos = new long[EVENTS_PER_DAY];
        eventNanos = new long[EVENTS_PER_DAY];
        bytesBefore = bytesInUse();
        rowsBefore = rows();
    }

    /** One session's bar events, each processed and saved in its own transaction. */
    @Benchmark
    public long tradingDay() {
        long refusals = 0;
        for (int e = 0; e < EVENTS_PER_DAY; e++) {
            List<Bar> event = events.next();
            long bars = System.nanoTime();
            TradingChanges changes = new TradingChanges(kept, kept);
            for (Bar bar : event) {
                changes.add(bar, processor.process(bar, true));
            }
            long start = System.nanoTime();
            database.inTransaction(em -> BenchTradingDatabase.tradingStore(em).save(changes));
            long stored = System.nanoTime();
            saveNanos[e] = stored - start;
            eventNanos[e] = stored - bars;
            refusals += changes.refusalCounts().stream().mapToLong(count -> count.refusals()).sum();
        }
        return refusals;
    }

    @TearDown(Level.Iteration)
    public void reportTheDay() {
        Map<String, Long> rows = rows();
        StringBuilder grown = new StringBuilder();
        rows.forEach((table, count) -> grown.append(String.format(" %s %+,d (%,d);", table, count - rowsBefore.get(table), count)));
        System.out.printf("%nkept %s, %d tickers x %d agents: database in use %+,d bytes (now %,d);%s bars to orders stored %s;"
                        + " saving %s%n", history, tickers, agents, bytesInUse() - bytesBefore, bytesInUse(), grown,
                percentiles(eventNanos), percentiles(saveNanos));
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        database.close();
    }

    /** p50, p90 and the slowest of a day's 78 times, in milliseconds (of 78, the slowest is the p99 by nearest rank). */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.0f ms, p90 %.0f ms, slowest %.0f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(0.9 * sorted.length) - 1] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    /** Pages holding data, not the file's size: SQLite reuses the pages deleted rows free. */
    private long bytesInUse() {
        return database.read(em -> {
            return number(em, "PRAGMA page_size") * (number(em, "PRAGMA page_count") - number(em, "PRAGMA freelist_count"));
        });
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        database.inTransaction(em -> TABLES.forEach(table -> rows.put(table, number(em, "SELECT count(*) FROM " + table))));
        return rows;
    }

    private static long number(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

}
