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
    void noLosingTradeHasNoProfitFactor() {
        Statistics stats = Statistics.of(curve(false, "1000.00", "1000.00", "1000.00"), List.of(trade("5.00")));

        assertTrue(Double.isNaN(stats.profitFactor()));
        assertTrue(Double.isNaN(stats.sharpe()), "a flat curve has no deviation");
        assertEquals(1.0, stats.winRate());
        assertEquals(0.0, stats.maxDrawdown());
        assertEquals(Duration.ZERO, stats.maxDrawdownDuration());
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
        return new Trade("TEST", PositionSide.LONG, 10, T0, new BigDecimal("100"), "in", T0.plusSeconds(300),
                new BigDecimal("101"), "out", new BigDecimal(pnl));
    }

    private static Trade open() {
        return new Trade("TEST", PositionSide.LONG, 10, T0, new BigDecimal("100"), "in", null, null, null, null);
    }
}
