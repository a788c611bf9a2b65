package com.papertrader.infrastructure.persistence;

import com.papertrader.bench.BenchMarket;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.StoredBars;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A bulk backfill: 1,000,000 bars of 48 tickers stored in an empty ohlcv_data in one transaction, by the product's
 * store ({@link JpaBarStore#upsert}) and by a raw sqlite-jdbc batch of the same statement. A fresh database for
 * every call. Goal (issue "Market data"): the product stores at least 0.6 times the raw rate.
 * <p>
 * By default the bars come ticker after ticker, as the poller collects a backfill, and the EntityManager flushes as
 * the container's does (AUTO). Two diagnostic parameters, for finding where the product's time goes:
 * {@code -p order=byTime} (every ticker's bar of one start, then the next start) and {@code -p flush=COMMIT}
 * (no flush before each query; not what the container does). Results and the commands: BENCHMARKS.md.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BarBackfillBenchmark {

    static final int BARS = 1_000_000;

    @State(Scope.Benchmark)
    public static class Backfill {
        /** byTicker: each ticker's bars oldest first, ticker after ticker (the poller's order); byTime: by start. */
        @Param({"byTicker"})
        String order;

        List<Bar> bars;

        @Setup(Level.Trial)
        public void setUp() {
            bars = BenchMarket.simulatedBackfill(BenchMarket.TICKERS, BARS);
            if (order.equals("byTime")) {
                bars = bars.stream().sorted(Comparator.comparing(Bar::start).thenComparing(Bar::ticker)).toList();
            } else if (!order.equals("byTicker")) {
                throw new IllegalArgumentException("order is byTicker or byTime, not " + order);
            }
        }
    }

    @State(Scope.Thread)
    public static class Product {
        /** The EntityManager's flush mode: AUTO as in the container, COMMIT for diagnosis only. */
        @Param({"AUTO"})
        FlushModeType flush;

        BenchDatabase database;
        JpaBarStore repository;

        @Setup(Level.Iteration)
        public void setUp() {
            database = BenchDatabase.create();
            repository = database.repository();
        }

        @TearDown(Level.Iteration)
        public void tearDown() {
            try {
                requireAll(database);
            } finally {
                database.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        BenchDatabase database;
        Connection connection;

        @Setup(Level.Iteration)
        public void setUp() throws SQLException {
            database = BenchDatabase.create();
            connection = database.openRaw();
        }

        @TearDown(Level.Iteration)
        public void tearDown() throws SQLException {
            try {
                connection.close();
                requireAll(database);
            } finally {
                database.close();
            }
        }
    }

    /**
     * The product: JpaBarStore.upsert of all the bars in one transaction. A call takes about a minute here (see
     * BENCHMARKS.md), so no warm-up call: the JIT warms up within it.
     */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public StoredBars jpaBarStore(Backfill backfill, Product product) {
        EntityManager em = product.database.newEntityManager();
        em.setFlushMode(product.flush);
        product.repository.em = em;
        try {
            em.getTransaction().begin();
            StoredBars stored = product.repository.upsert(backfill.bars);
            em.getTransaction().commit();
            return stored;
        } finally {
            em.close();
        }
    }

    /** The baseline: the same rows through one prepared statement, addBatch (5,000 a batch), one transaction. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public List<Bar> rawJdbcBatch(Backfill backfill, Raw raw) throws SQLException {
        BenchDatabase.rawUpsert(raw.connection, backfill.bars);
        return backfill.bars;
    }

    private static void requireAll(BenchDatabase database) {
        long rows = database.count();
        System.out.printf("%n%,d rows stored%n", rows);
        if (rows != BARS) {
            throw new IllegalStateException("expected " + BARS + " rows, found " + rows);
        }
    }
}
