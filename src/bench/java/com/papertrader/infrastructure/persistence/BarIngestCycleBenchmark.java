package com.papertrader.infrastructure.persistence;

import com.papertrader.bench.BenchMarket;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.StoredBars;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One live ingest cycle: 48 tickers' new 5-minute bar stored in ohlcv_data, by the product's store
 * ({@link JpaBarStore#upsert} in its own transaction, a new EntityManager per transaction as in the container)
 * and by a raw sqlite-jdbc batch of the same statement (one transaction). Each side has its own database, filled
 * beforehand with 5 trading days of the same bars (the default backfill). Goal (issue "Market data"): the product
 * stores at least 0.6 times the raw rate. Results and the command: BENCHMARKS.md.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class BarIngestCycleBenchmark {

    /** market.backfill-days (5) of 78 bar events. */
    static final int HISTORY_EVENTS = 5 * 78;

    /** The same bars for both sides: 5 days of history, then one bar event per cycle. */
    static final class Cycles {
        private final Iterator<List<Bar>> events = BenchMarket.simulatedEvents(BenchMarket.TICKERS, BenchMarket.FIRST_DAY);
        final List<Bar> history = new ArrayList<>();
        List<Bar> next;
        long stored;

        Cycles() {
            for (int i = 0; i < HISTORY_EVENTS; i++) {
                history.addAll(events.next());
            }
        }

        void advance() {
            next = events.next();
        }

        void requireRows(BenchDatabase database) {
            long expected = history.size() + stored;
            long rows = database.count();
            System.out.printf("%n%,d rows stored in %,d cycles after %,d rows of history; the table has %,d%n",
                    stored, stored / BenchMarket.TICKERS.size(), history.size(), rows);
            if (rows != expected) {
                throw new IllegalStateException("expected " + expected + " rows, found " + rows);
            }
        }
    }

    @State(Scope.Thread)
    public static class Product {
        Cycles cycles;
        BenchDatabase database;
        JpaBarStore repository;

        @Setup(Level.Trial)
        public void setUp() {
            cycles = new Cycles();
            database = BenchDatabase.create();
            database.prefill(cycles.history);
            repository = database.repository();
        }

        @Setup(Level.Invocation)
        public void nextCycle() {
            cycles.advance();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            try {
                cycles.requireRows(database);
            } finally {
                database.close();
            }
        }
    }

    @State(Scope.Thread)
    public static class Raw {
        Cycles cycles;
        BenchDatabase database;
        Connection connection;

        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            cycles = new Cycles();
            database = BenchDatabase.create();
            database.prefill(cycles.history);
            connection = database.openRaw();
        }

        @Setup(Level.Invocation)
        public void nextCycle() {
            cycles.advance();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            try {
                connection.close();
                cycles.requireRows(database);
            } finally {
                database.close();
            }
        }
    }

    /** The product: JpaBarStore.upsert in one transaction (read the stored counterparts, write the new rows). */
    @Benchmark
    public StoredBars jpaBarStore(Product product) {
        EntityManager em = product.database.newEntityManager();
        product.repository.em = em;
        try {
            em.getTransaction().begin();
            StoredBars stored = product.repository.upsert(product.cycles.next);
            em.getTransaction().commit();
            if (stored.inserted().size() != product.cycles.next.size()) {
                throw new IllegalStateException("inserted " + stored.inserted().size() + " of " + product.cycles.next.size());
            }
            product.cycles.stored += stored.inserted().size();
            return stored;
        } finally {
            em.close();
        }
    }

    /** The baseline: the same rows through one prepared statement, addBatch, one transaction. */
    @Benchmark
    public List<Bar> rawJdbcBatch(Raw raw) throws SQLException {
        BenchDatabase.rawUpsert(raw.connection, raw.cycles.next);
        raw.cycles.stored += raw.cycles.next.size();
        return raw.cycles.next;
    }
}
