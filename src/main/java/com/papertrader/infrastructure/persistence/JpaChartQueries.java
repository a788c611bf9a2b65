package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.reporting.ChartQueries;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.order.Fill;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

/**
 * {@link ChartQueries} in JPA. The candles are adjusted for the splits applied, so the chart is continuous across
 * them; the fills are marked at their prices as filled. The candles are a page of the newest bars of a ticker, only the columns a candlestick
 * needs, read on the transaction's own connection: reading whole {@link OhlcvRecord} entities cost 9 ms of CPU
 * per 500-bar page, most of it in sqlite-jdbc's {@code getBigDecimal}, which has SQLite format each stored REAL as
 * text. The prices are read as the doubles SQLite holds and rounded to the column's scale (6), which gives back the
 * decimal that was stored: every stored price has at most 15 significant digits, which a double keeps.
 */
@ApplicationScoped
@Transactional
public class JpaChartQueries implements ChartQueries {

    private static final String NEWEST = """
            SELECT bar_start, open, high, low, close, volume FROM ohlcv_data
            WHERE ticker = ? AND bar_start >= ? AND bar_start < ? ORDER BY bar_start DESC LIMIT ?""";
    private static final int SCALE = 6;
    private static final double MILLIONTHS = 1e6;
    private static final double EXACT_BELOW = 1e9;

    @PersistenceContext
    EntityManager em;

    @Inject
    CorporateActionStore corporateActions;

    @Override
    public List<Candle> candles(Ticker ticker, Instant from, Instant to, int count) {
        List<Candle> candles = em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(NEWEST)) {
                query.setString(1, ticker.symbol());
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
        return adjusted(ticker, candles);
    }

    /** The candles on the share basis of the splits live trading has applied (the one rule of {@link CorporateActions}). */
    private List<Candle> adjusted(Ticker ticker, List<Candle> candles) {
        List<Split> splits = corporateActions.appliedSplits(ticker.symbol());
        if (splits.isEmpty()) {
            return candles;
        }
        CorporateActions rule = CorporateActions.of(splits);
        return candles.stream().map(candle -> {
            BigDecimal factor = rule.priceFactor(ticker.symbol(), candle.start(), LocalDate.MAX);
            return factor.compareTo(BigDecimal.ONE) == 0 ? candle : new Candle(candle.start(),
                    CorporateActions.scaledPrice(candle.open(), factor), CorporateActions.scaledPrice(candle.high(), factor),
                    CorporateActions.scaledPrice(candle.low(), factor), CorporateActions.scaledPrice(candle.close(), factor),
                    CorporateActions.scaledVolume(candle.volume(), factor));
        }).toList();
    }

    @Override
    public List<TradeMark> fills(Ticker ticker, Optional<AgentId> agent, Instant from, Instant to, int count) {
        TypedQuery<Object[]> query = em.createQuery("select f, o.reason from Fill f, Order o where o.id = f.orderId"
                        + " and f.ticker = :ticker and f.filledAt >= :from and f.filledAt < :to"
                        + (agent.isPresent() ? " and f.agentId = :agent" : "")
                        + " order by f.filledAt desc, f.id desc", Object[].class)
                .setParameter("ticker", ticker.symbol())
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(count)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        agent.ifPresent(id -> query.setParameter("agent", id.value()));
        List<TradeMark> marks = new ArrayList<>(query.getResultStream().map(row -> new TradeMark((Fill) row[0], (String) row[1])).toList());
        Collections.reverse(marks);
        return marks;
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
}
