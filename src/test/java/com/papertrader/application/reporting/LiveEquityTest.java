package com.papertrader.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.backtest.EquityPoint;
import com.papertrader.application.backtest.Statistics;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A live account's equity on a backtest's basis, one point a bar, and the statistics of it worked by hand. */
class LiveEquityTest {

    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private static final LiveEquity.Sessions REGULAR = LiveEquity.Sessions.of(MarketCalendar.nyse(), false);
    private static final BigDecimal START = new BigDecimal("100000.00");

    /**
     * Opened at Wednesday 2026-03-04's open; snapshots at 09:35 (101,000.00, long 50,000), 09:40 (99,990.00, long),
     * 09:50 (100,000.00, flat); the newest bar traded ends 09:55. The 09:45 bar had no snapshot: it carries 09:40's.
     * Returns: +1 %, 99,990 / 101,000 - 1 = -1 %, 0, 100,000 / 99,990 - 1 = +0.010001 %, 0. Total return 0; the
     * drawdown from 101,000 to 99,990 is 1,010 / 101,000 = 1 %; exposed at 3 of 5 bars; no losing bar after 09:40 and
     * a mean return of (0.01 - 0.01 + 0.00010001) / 5 = 0.000020002 a bar.
     */
    @Test
    void flatBarsCarryTheLastSnapshotAndTheStatisticsAreTheBacktests() {
        Instant open = newYork("2026-03-04T09:30");
        List<EquitySnapshot> snapshots = List.of(snapshot("101000.00", "50000.00", newYork("2026-03-04T09:35")),
                snapshot("99990.00", "49990.00", newYork("2026-03-04T09:40")),
                snapshot("100000.00", "0.00", newYork("2026-03-04T09:50")));

        List<EquityPoint> points = LiveEquity.points(open, START, snapshots, newYork("2026-03-04T09:55"), FIVE_MINUTES, REGULAR);

        assertEquals(List.of(new EquityPoint(open, START, false),
                new EquityPoint(newYork("2026-03-04T09:35"), new BigDecimal("101000.00"), true),
                new EquityPoint(newYork("2026-03-04T09:40"), new BigDecimal("99990.00"), true),
                new EquityPoint(newYork("2026-03-04T09:45"), new BigDecimal("99990.00"), true),
                new EquityPoint(newYork("2026-03-04T09:50"), new BigDecimal("100000.00"), false),
                new EquityPoint(newYork("2026-03-04T09:55"), new BigDecimal("100000.00"), false)), points);
        Statistics statistics = Statistics.of(points, List.of());
        assertEquals(0, statistics.totalReturn(), 1e-12);
        assertEquals(0.01, statistics.maxDrawdown(), 1e-12);
        assertEquals(0.6, statistics.exposure(), 1e-12);
        double[] returns = {0.01, 99990.0 / 101000 - 1, 0, 100000.0 / 99990 - 1, 0};
        double mean = (returns[0] + returns[1] + returns[2] + returns[3] + returns[4]) / 5;
        assertEquals(0.000020002, mean, 1e-9);
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double perBar = mean / Math.sqrt(squares / 4);
        assertEquals(perBar * Math.sqrt(78 * 252), statistics.sharpe(), 1e-9, "mean over the sample deviation, annualised by bars");
        assertEquals(0.00282, perBar, 1e-5);
    }

    /** No points overnight, on the weekend or before the start; the start need not be on a bar's edge. */
    @Test
    void pointsFallOnTheSessionsBarsOnly() {
        Instant friday = newYork("2026-03-06T15:47");
        List<EquityPoint> points = LiveEquity.points(friday, START, List.of(), newYork("2026-03-09T09:40"), FIVE_MINUTES, REGULAR);

        assertEquals(List.of(friday, newYork("2026-03-06T15:50"), newYork("2026-03-06T15:55"), newYork("2026-03-06T16:00"),
                newYork("2026-03-09T09:35"), newYork("2026-03-09T09:40")), points.stream().map(EquityPoint::at).toList());
        assertTrue(points.stream().allMatch(point -> point.equity().equals(START) && !point.exposed()), "never traded: flat");
    }

    /** An account never marked up to the newest bar: its starting point only, and a return of nothing. */
    @Test
    void nothingTradedYetIsTheStartingPoint() {
        Instant at = newYork("2026-03-04T10:00");
        List<EquityPoint> points = LiveEquity.points(at, START, List.of(), at, FIVE_MINUTES, REGULAR);

        assertEquals(List.of(new EquityPoint(at, START, false)), points);
        assertEquals(0, Statistics.of(points, List.of()).totalReturn());
        assertTrue(Double.isNaN(Statistics.of(points, List.of()).sharpe()));
    }

    /** A snapshot of an account with this equity, {@code marketValue} of it in (long) positions. */
    private static EquitySnapshot snapshot(String equity, String marketValue, Instant at) {
        BigDecimal value = new BigDecimal(marketValue);
        Account account = Account.open("live", new BigDecimal(equity).subtract(value), BigDecimal.ONE, at);
        account.revalue(value, BigDecimal.ZERO, BigDecimal.ZERO, at);
        return EquitySnapshot.of(account, at);
    }

    private static Instant newYork(String local) {
        return LocalDateTime.parse(local).atZone(MarketCalendar.NEW_YORK).toInstant();
    }
}
