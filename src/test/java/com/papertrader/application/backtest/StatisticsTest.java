package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.trading.portfolio.PositionSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every figure below is worked out by hand in the comments. */
class StatisticsTest {

    private static final Instant T0 = Instant.parse("2026-03-04T14:30:00Z");

    @Test
    void returnsRatiosAndDrawdownOfAHandComputedCurve() {
        // 100 -> 110 -> 99 -> 108.90: per-bar returns +0.10, -0.10, +0.10
        List<EquityPoint> equity = curve(false, "100.00", "110.00", "99.00", "108.90");

        Statistics stats = Statistics.of(equity, List.of());

        assertEquals(0.089, stats.totalReturn(), 1e-12, "108.90 / 100 - 1");
        // mean 1/30; sample variance ((1/15)² + (2/15)² + (1/15)²) / 2 = (6/225) / 2 = 1/75; sd = 0.11547005
        // per-bar Sharpe (1/30) / 0.11547005 = 0.28867513; × √19656 (78 × 252) = × 140.19985735 = 40.4722
        assertEquals(0.28867513459 * Math.sqrt(19_656), stats.sharpe(), 1e-6);
        assertEquals(40.4722, stats.sharpe(), 1e-4);
        // downside deviation √(0.01 / 3) = 0.05773503; (1/30) / 0.05773503 = 0.57735027 × 140.19985735 = 80.9444
        assertEquals(80.9444, stats.sortino(), 1e-4);
        // peak 110 at T0+5m, trough 99: 11 / 110 = 10 %; never recovered, so it lasts until the last point (T0+15m)
        assertEquals(0.10, stats.maxDrawdown(), 1e-12);
        assertEquals(Duration.ofMinutes(10), stats.maxDrawdownDuration());
        // 15 minutes is 15 / 525,960 of a 365.25-day year: (1.089)^(525960/15) - 1 is astronomically large
        assertTrue(stats.cagr() > 1e100 || Double.isInfinite(stats.cagr()));
        assertEquals(0, stats.exposure());
        assertEquals(new BigDecimal("8.90"), stats.netProfit());
    }

    @Test
    void cagrIsOverCalendarYears() {
        List<EquityPoint> equity = List.of(new EquityPoint(T0, new BigDecimal("100.00"), false),
                new EquityPoint(T0.plus(Duration.ofSeconds((long) (2 * 365.25 * 86_400))), new BigDecimal("121.00"), true));

        Statistics stats = Statistics.of(equity, List.of());

        assertEquals(0.10, stats.cagr(), 1e-12, "121 after two years: 1.1 a year");
        assertEquals(1.0, stats.exposure(), "the one point after the start held a position");
        assertTrue(Double.isNaN(stats.sharpe()), "one return has no sample deviation");
    }

    @Test
    void drawdownDurationRunsFromThePeakToTheRecovery() {
        // peak 100 at 0, down for two points, back to 100 at 15m (15 minutes), then a new high and a small dip to the end
        List<EquityPoint> equity = curve(true, "100.00", "95.00", "90.00", "100.00", "120.00", "114.00");

        Statistics.Drawdown drawdown = Statistics.Drawdown.of(equity);

        assertEquals(0.10, drawdown.maxDrawdown(), 1e-12, "90 / 100");
        assertEquals(Duration.ofMinutes(15), drawdown.longest(), "the first drawdown: 0 to 15m; the last 20m to 25m is 5m");
        assertEquals(0.05, drawdown.series()[1], 1e-12);
        assertEquals(0.0, drawdown.series()[3]);
        assertEquals(0.05, drawdown.series()[5], 1e-12, "114 / 120");
    }

    @Test
    void tradeFiguresOfClosedTradesOnly() {
        List<Trade> trades = List.of(trade("120.00"), trade("-40.00"), trade("80.00"), trade("-20.00"), trade("0.00"), open());

        Statistics stats = Statistics.of(curve(true, "1000.00", "1140.00"), trades);

        assertEquals(5, stats.trades(), "the open trade does not count");
        assertEquals(0.4, stats.winRate(), 1e-12, "2 wins of 5 (a zero trade is no win)");
        assertEquals(200.0 / 60.0, stats.profitFactor(), 1e-12, "(120 + 80) / (40 + 20)");
        assertEquals(new BigDecimal("100.00"), stats.averageWin());
        assertEquals(new BigDecimal("-30.00"), stats.averageLoss());
    }

    @Test
    void calmarSqnExcursionsStreakAndTurnover() {
        // two years, 100,000 -> 121,000 with a fall from 110,000 to 99,000 on the way: CAGR 10 %, max drawdown 10 %
        Instant end = T0.plus(Duration.ofSeconds((long) (2 * 365.25 * 86_400)));
        List<EquityPoint> equity = List.of(new EquityPoint(T0, new BigDecimal("100000.00"), false),
                new EquityPoint(T0.plus(Duration.ofDays(100)), new BigDecimal("110000.00"), true),
                new EquityPoint(T0.plus(Duration.ofDays(200)), new BigDecimal("99000.00"), true),
                new EquityPoint(end, new BigDecimal("121000.00"), true));
        List<Trade> trades = List.of(trade("30.00", 0.01, 0.04), trade("-10.00", 0.03, 0.00), trade("-10.00", 0.02, 0.01),
                trade("-10.00", Double.NaN, Double.NaN), trade("50.00", 0.00, 0.06), trade("-20.00", 0.04, 0.01), open());

        Statistics stats = Statistics.of(equity, trades);

        assertEquals(1.0, stats.calmar(), 1e-9, "CAGR 10 % / max drawdown 10 %");
        // pnl 30, -10, -10, -10, 50, -20: mean 30 / 6 = 5; deviations 25, -15, -15, -15, 45, -25;
        // squares 625 + 225 × 3 + 2025 + 625 = 3950; sample variance 790, sd 28.1069; SQN √6 × 5 / 28.1069 = 0.43575
        assertEquals(Math.sqrt(6) * 5 / Math.sqrt(790), stats.sqn(), 1e-12);
        assertEquals(0.43575, stats.sqn(), 1e-5);
        assertEquals(3, stats.longestLosingStreak(), "-10, -10, -10 in a row; the -20 after the win is one");
        // closed trades with excursions measured: MAE 1, 3, 2, 0, 4 % (mean 2 %), MFE 4, 0, 1, 6, 1 % (mean 2.4 %);
        // the open trade's 50 % counts in neither
        assertEquals(0.02, stats.averageMae(), 1e-12);
        assertEquals(0.024, stats.averageMfe(), 1e-12);
        // traded: six closed trades of 10 bought at 100 and sold at 101 (2,010 each) and the open one's 1,000: 13,060;
        // mean equity (100,000 + 110,000 + 99,000 + 121,000) / 4 = 107,500; turnover 13,060 / 2 / 107,500
        assertEquals(13_060.0 / 2 / 107_500, stats.turnover(), 1e-12);
    }

    @Test
    void noLosingTradeHasNoProfitFactor() {
        Statistics stats = Statistics.of(curve(false, "1000.00", "1000.00", "1000.00"), List.of(trade("5.00")));

        assertTrue(Double.isNaN(stats.profitFactor()));
        assertTrue(Double.isNaN(stats.sharpe()), "a flat curve has no deviation");
        assertEquals(1.0, stats.winRate());
        assertEquals(0.0, stats.maxDrawdown());
        assertEquals(Duration.ZERO, stats.maxDrawdownDuration());
        assertTrue(Double.isNaN(stats.calmar()), "no drawdown");
        assertTrue(Double.isNaN(stats.sqn()), "one trade has no deviation");
        assertEquals(0, stats.longestLosingStreak());
    }

    /** Points five minutes apart from T0. */
    private static List<EquityPoint> curve(boolean exposed, String... equities) {
        List<EquityPoint> points = new ArrayList<>();
        for (int i = 0; i < equities.length; i++) {
            points.add(new EquityPoint(T0.plus(Duration.ofMinutes(5L * i)), new BigDecimal(equities[i]), exposed && i > 0));
        }
        return points;
    }

    private static Trade trade(String pnl) {
        return trade(pnl, Double.NaN, Double.NaN);
    }

    private static Trade trade(String pnl, double adverse, double favourable) {
        return new Trade("TEST", PositionSide.LONG, 10, T0, new BigDecimal("100"), "in", T0.plusSeconds(300),
                new BigDecimal("101"), "out", new BigDecimal(pnl), adverse, favourable);
    }

    private static Trade open() {
        return new Trade("TEST", PositionSide.LONG, 10, T0, new BigDecimal("100"), "in", null, null, null, null, 0.5, 0.5);
    }
}
