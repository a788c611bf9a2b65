package com.papertrader.infrastructure.persistence;

import com.papertrader.application.Settings;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarRepository;
import com.papertrader.domain.market.StoredBars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * ohlcv_data through JPA. An upsert reads the stored rows of the incoming range once, decides per bar whether it is
 * new, revised or unchanged, and writes the new and revised ones with one batched INSERT … ON CONFLICT statement
 * on the transaction's own connection: no query per bar, no other table touched.
 * Reads run in a transaction too: a read outside one may leave its pooled connection in an open read transaction
 * (Payara does not auto-commit there), and a later write on that connection fails at once with SQLITE_BUSY.
 */
@ApplicationScoped
@Transactional
public class JpaBarRepository implements BarRepository {

    private static final String UPSERT = """
            INSERT INTO ohlcv_data (ticker, bar_start, open, high, low, close, volume, vwap, trades, time_of_day, day_of_week)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (ticker, bar_start) DO UPDATE SET
              open = excluded.open, high = excluded.high, low = excluded.low, close = excluded.close,
              volume = excluded.volume, vwap = excluded.vwap, trades = excluded.trades""";

    /** Bounds the IN list and the rows held in memory while a long backfill is stored. */
    private static final int CHUNK = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Override
    public StoredBars upsert(List<Bar> bars) {
        List<Bar> inserted = new ArrayList<>();
        List<Bar> revised = new ArrayList<>();
        for (int from = 0; from < bars.size(); from += CHUNK) {
            List<Bar> chunk = bars.subList(from, Math.min(bars.size(), from + CHUNK));
            Map<Key, Bar> stored = storedCounterparts(chunk);
            List<Bar> toWrite = new ArrayList<>();
            for (Bar bar : chunk) {
                Bar before = stored.put(Key.of(bar), bar);
                if (before == null) {
                    inserted.add(bar);
                    toWrite.add(bar);
                } else if (!before.sameValuesAs(bar)) {
                    revised.add(bar);
                    toWrite.add(bar);
                }
            }
            write(toWrite);
        }
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
        List<Bar> bars = new ArrayList<>(newestFirst.setMaxResults(count).getResultStream().map(this::toBar).toList());
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

    private Map<Key, Bar> storedCounterparts(Collection<Bar> bars) {
        List<String> tickers = bars.stream().map(Bar::ticker).distinct().toList();
        long from = bars.stream().mapToLong(bar -> bar.start().toEpochMilli()).min().orElse(0);
        long to = bars.stream().mapToLong(bar -> bar.start().toEpochMilli()).max().orElse(-1);
        Map<Key, Bar> stored = new HashMap<>();
        if (tickers.isEmpty()) {
            return stored;
        }
        em.createNamedQuery(OhlcvRecord.IN_RANGE_OF_TICKERS, OhlcvRecord.class)
                .setParameter("tickers", tickers)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultStream()
                .forEach(row -> stored.put(new Key(row.ticker(), row.barStart()), toBar(row)));
        return stored;
    }

    private void write(List<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                for (Bar bar : bars) {
                    bind(upsert, new OhlcvRecord(bar));
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
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
