package com.papertrader.infrastructure.persistence;

import com.papertrader.application.reporting.MarketQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * {@link MarketQueries} in SQL that SQLite and PostgreSQL both run: for a page of tickers, three reads that each walk
 * the (ticker, bar_start) index once per ticker. Prices are read as {@link JpaChartQueries} reads them.
 */
@ApplicationScoped
@Transactional
public class JpaMarketQueries implements MarketQueries {

    /** The newest bar of each of the tickers (one ? each) that starts before a time (the last ?). */
    private static final String NEWEST = """
            SELECT o.ticker, o.bar_start, o.close FROM ohlcv_data o WHERE o.ticker IN (%s)
            AND o.bar_start = (SELECT max(i.bar_start) FROM ohlcv_data i WHERE i.ticker = o.ticker AND i.bar_start < ?)""";
    private static final String SINCE = "SELECT ticker, count(*) FROM ohlcv_data WHERE ticker IN (%s) AND bar_start >= ? GROUP BY ticker";

    @PersistenceContext
    EntityManager em;

    @Override
    public Map<String, TickerActivity> activity(Collection<String> tickers, Instant open) {
        if (tickers.isEmpty()) {
            return Map.of();
        }
        List<String> symbols = List.copyOf(tickers);
        String in = String.join(",", Collections.nCopies(symbols.size(), "?"));
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, StoredClose> last = closes(connection, NEWEST.formatted(in), symbols, Long.MAX_VALUE);
            Map<String, StoredClose> previous = closes(connection, NEWEST.formatted(in), symbols, open.toEpochMilli());
            Map<String, Integer> since = new HashMap<>();
            try (PreparedStatement query = bound(connection, SINCE.formatted(in), symbols, open.toEpochMilli());
                 ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    since.put(row.getString(1), row.getInt(2));
                }
            }
            Map<String, TickerActivity> activity = new HashMap<>();
            for (String ticker : symbols) {
                activity.put(ticker, new TickerActivity(Optional.ofNullable(last.get(ticker)), Optional.ofNullable(previous.get(ticker)),
                        since.getOrDefault(ticker, 0)));
            }
            return activity;
        });
    }

    private static Map<String, StoredClose> closes(Connection connection, String sql, List<String> tickers, long before) throws SQLException {
        Map<String, StoredClose> closes = new HashMap<>();
        try (PreparedStatement query = bound(connection, sql, tickers, before); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                closes.put(row.getString(1), new StoredClose(Instant.ofEpochMilli(row.getLong(2)), JpaChartQueries.decimal(row.getDouble(3))));
            }
        }
        return closes;
    }

    private static PreparedStatement bound(Connection connection, String sql, List<String> tickers, long time) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < tickers.size(); i++) {
                query.setString(i + 1, tickers.get(i));
            }
            query.setLong(tickers.size() + 1, time);
            return query;
        } catch (SQLException e) {
            query.close();
            throw e;
        }
    }
}
