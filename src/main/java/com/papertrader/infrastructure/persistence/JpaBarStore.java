package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.StoredBars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * ohlcv_data through JPA. On SQLite an upsert reads each ticker's stored rows over the incoming range once (many
 * tickers' ranges in one query), decides per bar whether it is new, revised or unchanged, and writes the new and revised
 * ones with one batched INSERT … ON CONFLICT statement, all on the transaction's own connection, after taking SQLite's
 * write lock ({@link SqliteWriteLock}); on PostgreSQL one statement does all of it ({@link #upsertReturning}). No query
 * per bar, no other table touched.
 * Reads run in a transaction too: a read outside one may leave its pooled connection in an open read transaction
 * (Payara does not auto-commit there), and a later write on that connection fails at once with SQLITE_BUSY.
 */
@ApplicationScoped
@Transactional
public class JpaBarStore implements BarStore {

    private static final String UPSERT = """
            INSERT INTO ohlcv_data (ticker, bar_start, open, high, low, close, volume, vwap, trades, time_of_day, day_of_week)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (ticker, bar_start) DO UPDATE SET
              open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
              volume = excluded.volume, vwap = excluded.vwap, trades = excluded.trades""";

    /** PostgreSQL's upsert that says what it did: {@link #upsertReturning}. */
    private static final String UPSERT_RETURNING = """
            INSERT INTO ohlcv_data AS stored (ticker, bar_start, open, high, low, close, volume, vwap, trades, time_of_day, day_of_week)
            SELECT * FROM unnest(?::varchar[], ?::int8[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[],
                                 ?::numeric[], ?::int8[], ?::varchar[], ?::int4[])
            ON CONFLICT (ticker, bar_start) DO UPDATE SET
              open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
              volume = excluded.volume, vwap = excluded.vwap, trades = excluded.trades
            WHERE (stored.open, stored.high, stored.low, stored.close, stored.volume, stored.vwap, stored.trades)
              IS DISTINCT FROM (excluded.open, excluded.high, excluded.low, excluded.close, excluded.volume, excluded.vwap,
                                excluded.trades)
            RETURNING ticker, bar_start, xmax = 0""";

    private static final String STORED_RANGES = "SELECT ticker, bar_start, open, high, low, close, volume, vwap, trades FROM ohlcv_data WHERE ";
    private static final String ONE_RANGE = "(ticker = ? AND bar_start BETWEEN ? AND ?)";
    /**
     * Tickers whose stored ranges one query reads: one round trip for a live cycle's tickers instead of one each (a
     * network round trip each on PostgreSQL; measured faster on SQLite too, BENCHMARKS.md).
     */
    private static final int RANGES_PER_QUERY = 64;

    /** Bounds the rows held in memory and the size of one JDBC batch while a long backfill is stored. */
    private static final int CHUNK = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    MarketSettings settings;

    @Override
    public StoredBars upsert(List<Bar> bars) {
        List<Bar> inserted = new ArrayList<>();
        List<Bar> revised = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            if (isPostgres(connection)) {
                for (int from = 0; from < bars.size(); from += CHUNK) {
                    upsertReturning(connection, bars.subList(from, Math.min(bars.size(), from + CHUNK)), inserted, revised);
                }
                return;
            }
            SqliteWriteLock.take(connection);
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (int from = 0; from < bars.size(); from += CHUNK) {
                    List<Bar> chunk = bars.subList(from, Math.min(bars.size(), from + CHUNK));
                    Map<Key, Bar> before = storedCounterparts(connection, chunk);
                    int pending = 0;
                    for (Bar bar : chunk) {
                        Bar previous = before.put(Key.of(bar), bar);
                        if (previous != null && previous.sameValuesAs(bar)) {
                            continue;
                        }
                        (previous == null ? inserted : revised).add(bar);
                        bind(upsert, new OhlcvRecord(bar));
                        upsert.addBatch();
                        pending++;
                    }
                    if (pending > 0) {
                        upsert.executeBatch();
                    }
                }
            }
        });
        return new StoredBars(inserted, revised);
    }

    @Override
    public List<Bar> latest(String ticker, int count) {
        return oldestFirst(em.createNamedQuery(OhlcvRecord.LATEST, OhlcvRecord.class)
                .setParameter("ticker", ticker), count);
    }

    @Override
    public List<Bar> latestUpTo(String ticker, Instant through, int count) {
        return oldestFirst(em.createNamedQuery(OhlcvRecord.LATEST_UP_TO, OhlcvRecord.class)
                .setParameter("ticker", ticker)
                .setParameter("through", through.toEpochMilli()), count);
    }

    private List<Bar> oldestFirst(TypedQuery<OhlcvRecord> newestFirst, int count) {
        // read-only: the rows become Bars at once, so Hibernate need not keep snapshots of them to dirty-check at commit
        List<Bar> bars = new ArrayList<>(newestFirst.setMaxResults(count).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream().map(this::toBar).toList());
        Collections.reverse(bars);
        return bars;
    }

    @Override
    public List<Bar> after(String ticker, Instant start) {
        return em.createNamedQuery(OhlcvRecord.AFTER, OhlcvRecord.class)
                .setParameter("ticker", ticker)
                .setParameter("start", start.toEpochMilli())
                .getResultStream()
                .map(this::toBar)
                .toList();
    }

    @Override
    public List<Bar> range(String ticker, Instant from, Instant to) {
        return em.createNamedQuery(OhlcvRecord.RANGE, OhlcvRecord.class)
                .setParameter("ticker", ticker)
                .setParameter("from", from.toEpochMilli())
                .setParameter("to", to.toEpochMilli())
                .getResultStream()
                .map(this::toBar)
                .toList();
    }

    @Override
    public Optional<Instant> lastBarStart(String ticker) {
        Long last = em.createNamedQuery(OhlcvRecord.LAST_START, Long.class)
                .setParameter("ticker", ticker)
                .getSingleResult();
        return Optional.ofNullable(last).map(Instant::ofEpochMilli);
    }

    @Override
    public long count() {
        return em.createNamedQuery(OhlcvRecord.COUNT, Long.class).getSingleResult();
    }

    /**
     * PostgreSQL decides in the write itself, in one statement and one round trip: the chunk's rows as arrays, inserted
     * where new, updated where a value differs ({@code IS DISTINCT FROM} compares the values as stored, at the
     * columns' scale), left alone where equal; {@code RETURNING} names the rows written, {@code xmax = 0} the new ones.
     * A bar given twice in one chunk is written once, with its last values (PostgreSQL refuses to change a row twice).
     */
    private static void upsertReturning(Connection connection, List<Bar> chunk, List<Bar> inserted, List<Bar> revised)
            throws SQLException {
        Map<Key, Bar> latest = new LinkedHashMap<>();
        chunk.forEach(bar -> latest.put(Key.of(bar), bar));
        List<OhlcvRecord> rows = latest.values().stream().map(OhlcvRecord::new).toList();
        Map<Key, Boolean> written = new HashMap<>();
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_RETURNING)) {
            upsert.setArray(1, connection.createArrayOf("varchar", rows.stream().map(OhlcvRecord::ticker).toArray()));
            upsert.setArray(2, connection.createArrayOf("int8", rows.stream().map(OhlcvRecord::barStart).toArray()));
            upsert.setArray(3, connection.createArrayOf("numeric", rows.stream().map(OhlcvRecord::open).toArray()));
            upsert.setArray(4, connection.createArrayOf("numeric", rows.stream().map(OhlcvRecord::high).toArray()));
            upsert.setArray(5, connection.createArrayOf("numeric", rows.stream().map(OhlcvRecord::low).toArray()));
            upsert.setArray(6, connection.createArrayOf("numeric", rows.stream().map(OhlcvRecord::close).toArray()));
            upsert.setArray(7, connection.createArrayOf("numeric", rows.stream().map(OhlcvRecord::volume).toArray()));
            upsert.setArray(8, connection.createArrayOf("numeric", rows.stream().map(OhlcvRecord::vwap).toArray()));
            upsert.setArray(9, connection.createArrayOf("int8", rows.stream().map(OhlcvRecord::trades).toArray()));
            upsert.setArray(10, connection.createArrayOf("varchar", rows.stream().map(OhlcvRecord::timeOfDay).toArray()));
            upsert.setArray(11, connection.createArrayOf("int4", rows.stream().map(OhlcvRecord::dayOfWeek).toArray()));
            try (ResultSet result = upsert.executeQuery()) {
                while (result.next()) {
                    written.put(new Key(result.getString(1), result.getLong(2)), result.getBoolean(3));
                }
            }
        }
        for (Map.Entry<Key, Bar> bar : latest.entrySet()) { // in the order given, as on SQLite
            Boolean isNew = written.get(bar.getKey());
            if (isNew != null) {
                (isNew ? inserted : revised).add(bar.getValue());
            }
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * The stored rows the chunk's bars may replace, each ticker read over its own time range as plain values:
     * no managed entities (Hibernate would re-check them all at every flush) and no other ticker's history.
     */
    private Map<Key, Bar> storedCounterparts(Connection connection, List<Bar> chunk) throws SQLException {
        Map<String, long[]> ranges = new LinkedHashMap<>();
        for (Bar bar : chunk) {
            long start = bar.start().toEpochMilli();
            ranges.merge(bar.ticker(), new long[]{start, start},
                    (a, b) -> new long[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<Key, Bar> found = new HashMap<>();
        List<Map.Entry<String, long[]>> all = new ArrayList<>(ranges.entrySet());
        for (int from = 0; from < all.size(); from += RANGES_PER_QUERY) {
            List<Map.Entry<String, long[]>> some = all.subList(from, Math.min(all.size(), from + RANGES_PER_QUERY));
            String sql = STORED_RANGES + String.join(" OR ", Collections.nCopies(some.size(), ONE_RANGE));
            try (PreparedStatement stored = connection.prepareStatement(sql)) {
                int index = 1;
                for (Map.Entry<String, long[]> range : some) {
                    stored.setString(index++, range.getKey());
                    stored.setLong(index++, range.getValue()[0]);
                    stored.setLong(index++, range.getValue()[1]);
                }
                try (ResultSet rows = stored.executeQuery()) {
                    while (rows.next()) {
                        Bar bar = new Bar(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), settings.barSize(),
                                rows.getBigDecimal(3), rows.getBigDecimal(4), rows.getBigDecimal(5), rows.getBigDecimal(6),
                                rows.getBigDecimal(7), rows.getBigDecimal(8), rows.getObject(9) == null ? null : rows.getLong(9));
                        found.put(Key.of(bar), bar);
                    }
                }
            }
        }
        return found;
    }

    private static void bind(PreparedStatement statement, OhlcvRecord row) throws SQLException {
        statement.setString(1, row.ticker());
        statement.setLong(2, row.barStart());
        statement.setBigDecimal(3, row.open());
        statement.setBigDecimal(4, row.high());
        statement.setBigDecimal(5, row.low());
        statement.setBigDecimal(6, row.close());
        statement.setBigDecimal(7, row.volume());
        statement.setBigDecimal(8, row.vwap());
        if (row.trades() == null) {
            statement.setNull(9, Types.BIGINT);
        } else {
            statement.setLong(9, row.trades());
        }
        statement.setString(10, row.timeOfDay());
        statement.setInt(11, row.dayOfWeek());
    }

    private Bar toBar(OhlcvRecord row) {
        return row.toBar(settings.barSize());
    }


    private record Key(String ticker, long start) {
        static Key of(Bar bar) {
            return new Key(bar.ticker(), bar.start().toEpochMilli());
        }
    }
}
