package com.papertrader.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.Session;

/**
 * The chart's read of ohlcv_data: a page of the newest bars of a ticker, only the columns a candlestick needs, on the
 * transaction's own connection. Not {@code BarRepository}: reading whole {@link OhlcvRecord} entities cost 9 ms of CPU
 * per 500-bar page, most of it in sqlite-jdbc's {@code getBigDecimal}, which has SQLite format each stored REAL as
 * text. The prices are read as the doubles SQLite holds and rounded to the column's scale (6), which gives back the
 * decimal that was stored: every stored price has at most 15 significant digits, which a double keeps.
 */
@ApplicationScoped
@Transactional
public class JpaChartBars {

    private static final String NEWEST = """
            SELECT bar_start, open, high, low, close, volume FROM ohlcv_data
            WHERE ticker = ? AND bar_start >= ? AND bar_start < ? ORDER BY bar_start DESC LIMIT ?""";
    private static final int SCALE = 6;
    private static final double MILLIONTHS = 1e6;
    private static final double EXACT_BELOW = 1e9;

    @PersistenceContext
    EntityManager em;

    /** The newest {@code count} bars of a ticker with start in [from, to), oldest first. */
    public List<Candle> newest(String ticker, Instant from, Instant to, int count) {
        List<Candle> candles = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(NEWEST)) {
                query.setString(1, ticker);
                query.setLong(2, from.toEpochMilli());
                query.setLong(3, to.toEpochMilli());
                query.setInt(4, count);
                List<Candle> rows = new ArrayList<>(count);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Candle(Instant.ofEpochMilli(row.getLong(1)), decimal(row.getDouble(2)),
                                decimal(row.getDouble(3)), decimal(row.getDouble(4)), decimal(row.getDouble(5)),
                                decimal(row.getDouble(6))));
                    }
                }
                return rows;
            }
        });
        Collections.reverse(candles);
        return candles;
    }

    /**
     * The stored decimal, at the column's scale. Below 10^9 the double times 10^6 is within far less than a half of
     * the integer number of millionths it stands for (a double has 53 bits), so rounding it gives that integer without
     * the decimal text {@code BigDecimal.valueOf(double)} goes through: the bar API converts 2,500 prices a page.
     */
    static BigDecimal decimal(double stored) {
        if (Math.abs(stored) < EXACT_BELOW) {
            return BigDecimal.valueOf(Math.round(stored * MILLIONTHS), SCALE);
        }
        return BigDecimal.valueOf(stored).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** One bar as a candlestick: start, open, high, low, close, volume. */
    public record Candle(Instant start, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                         BigDecimal volume) {
    }
}
