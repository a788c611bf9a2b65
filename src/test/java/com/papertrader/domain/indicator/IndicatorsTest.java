package com.papertrader.domain.indicator;

import static com.papertrader.domain.market.TestBars.at;
import static com.papertrader.domain.market.TestBars.bar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.TestBars;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand in the comments. */
class IndicatorsTest {

    private static final Instant OPEN = at(2025, 3, 14, 9, 30);
    private static final double EXACT = 1e-12;

    private static BarWindow closes(double... closes) {
        return TestBars.window(100, TestBars.closes("TEST", OPEN, closes));
    }

    @Test
    void smaAveragesTheLastCloses() {
        BarWindow window = closes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertEquals(9.0, Indicators.sma(window, 3, 0), EXACT);   // (8 + 9 + 10) / 3
        assertEquals(8.0, Indicators.sma(window, 3, 1), EXACT);   // (7 + 8 + 9) / 3
        assertEquals(5.5, Indicators.sma(window, 10, 0), EXACT);  // 55 / 10
        assertTrue(Double.isNaN(Indicators.sma(window, 11, 0)));
        assertTrue(Double.isNaN(Indicators.sma(window, 10, 1)));
    }

    @Test
    void emaIsSeededWithTheSmaOfTheOldestCloses() {
        BarWindow window = closes(10, 11, 12, 13, 14);
        // seed (10 + 11 + 12) / 3 = 11, alpha 2 / 4 = 0.5: 11 + 0.5 (13 - 11) = 12, 12 + 0.5 (14 - 12) = 13
        assertEquals(13.0, Indicators.ema(window, 3, 0), EXACT);
        assertEquals(12.0, Indicators.ema(window, 3, 1), EXACT);
        assertEquals(11.0, Indicators.ema(window, 3, 2), EXACT);
        assertEquals(12.0, Indicators.ema(window, 5, 0), EXACT); // only the seed: 60 / 5
        assertTrue(Double.isNaN(Indicators.ema(window, 6, 0)));
    }

    @Test
    void rsiUsesWilderSmoothing() {
        BarWindow window = closes(44, 45, 44, 46, 47);
        // changes +1 -1 +2 +1; period 2: seed gain (1 + 0) / 2 = 0.5, loss (0 + 1) / 2 = 0.5
        // +2: gain (0.5 + 2) / 2 = 1.25, loss (0.5 + 0) / 2 = 0.25; +1: gain 1.125, loss 0.125: RS 9, RSI 90
        assertEquals(90.0, Indicators.rsi(window, 2, 0), 1e-9);
        assertEquals(100 - 100 / 6.0, Indicators.rsi(window, 2, 1), 1e-9); // RS 1.25 / 0.25 = 5
        assertEquals(50.0, Indicators.rsi(window, 2, 2), 1e-9);            // RS 1
        assertEquals(80.0, Indicators.rsi(window, 4, 0), 1e-9);            // gain 4 / 4 = 1, loss 1 / 4: RS 4
        assertTrue(Double.isNaN(Indicators.rsi(window, 5, 0)), "needs period + 1 closes");
    }

    @Test
    void rsiOfClosesThatOnlyRoseIs100AndOfFlatClosesIs50() {
        assertEquals(100.0, Indicators.rsi(closes(1, 2, 3, 4), 3, 0));
        assertEquals(50.0, Indicators.rsi(closes(5, 5, 5, 5), 3, 0));
        assertEquals(0.0, Indicators.rsi(closes(4, 3, 2, 1), 3, 0));
    }

    private static BarWindow ohlc() {
        List<Bar> bars = List.of(
                bar("TEST", OPEN, "9", "10", "8", "9", "100"),
                bar("TEST", OPEN.plusSeconds(300), "10", "11", "9", "10", "200"),
                bar("TEST", OPEN.plusSeconds(600), "11", "12", "9.5", "11.5", "300"),
                bar("TEST", OPEN.plusSeconds(900), "11", "11", "10", "10.5", "500"));
        return TestBars.window(10, bars);
    }

    @Test
    void atrIsWilderSmoothedTrueRange() {
        BarWindow window = ohlc();
        // true ranges: bar 1 max(11-9, |11-9|, |9-9|) = 2, bar 2 max(2.5, |12-10|, |9.5-10|) = 2.5,
        // bar 3 max(1, |11-11.5|, |10-11.5|) = 1.5; period 2: seed 2.25, then (2.25 + 1.5) / 2 = 1.875
        assertEquals(1.875, Indicators.atr(window, 2, 0), EXACT);
        assertEquals(2.25, Indicators.atr(window, 2, 1), EXACT);
        assertEquals(2.0, Indicators.atr(window, 3, 0), EXACT);
        assertTrue(Double.isNaN(Indicators.atr(window, 4, 0)));
    }

    @Test
    void highestHighAndLowestLow() {
        BarWindow window = ohlc();
        assertEquals(12.0, Indicators.highest(window, 2, 0));
        assertEquals(11.0, Indicators.highest(window, 1, 0));
        assertEquals(12.0, Indicators.highest(window, 2, 1));
        assertEquals(9.0, Indicators.lowest(window, 3, 0));
        assertEquals(9.5, Indicators.lowest(window, 2, 0));
        assertTrue(Double.isNaN(Indicators.lowest(window, 5, 0)));
    }

    @Test
    void averageVolume() {
        BarWindow window = ohlc();
        assertEquals(400.0, Indicators.averageVolume(window, 2, 0), EXACT); // (300 + 500) / 2
        assertEquals(200.0, Indicators.averageVolume(window, 3, 1), EXACT); // (100 + 200 + 300) / 3
    }

    @Test
    void sessionVwapCoversTheNewYorkDayOfTheBar() {
        Instant yesterday = at(2025, 3, 13, 15, 55);
        BarWindow window = TestBars.window(10, List.of(
                bar("TEST", yesterday, "20", "20", "20", "20", "1000"),
                bar("TEST", OPEN, "9", "10", "8", "9", "100"),
                new Bar("TEST", OPEN.plusSeconds(300), TestBars.FIVE_MINUTES, new BigDecimal("10"), new BigDecimal("11"),
                        new BigDecimal("10"), new BigDecimal("11"), new BigDecimal("300"), new BigDecimal("10.5"), 42L)));
        // typical price (10 + 8 + 9) / 3 = 9 for 100 shares, the bar's own vwap 10.5 for 300: 4050 / 400
        assertEquals(10.125, Indicators.sessionVwap(window, 0), EXACT);
        assertEquals(9.0, Indicators.sessionVwap(window, 1), EXACT);
        assertEquals(20.0, Indicators.sessionVwap(window, 2), EXACT);
        assertTrue(Double.isNaN(Indicators.sessionVwap(window, 3)));
        assertTrue(Double.isNaN(Indicators.sessionVwap(TestBars.window(2,
                List.of(bar("TEST", OPEN, "9", "10", "8", "9", "0"))), 0)), "no volume, no vwap");
    }

    @Test
    void crossoverComparesTheNewestBarWithTheOneBefore() {
        Series close = Series.parse("close");
        Series ten = Series.level(10);
        assertTrue(Indicators.crossover(closes(9, 11), close, ten));
        assertTrue(Indicators.crossover(closes(10, 11), close, ten), "from touching to above");
        assertFalse(Indicators.crossover(closes(11, 12), close, ten), "already above");
        assertFalse(Indicators.crossover(closes(9, 10), close, ten), "touching is not above");
        assertFalse(Indicators.crossover(closes(11), close, ten), "one bar has no previous");
        assertTrue(Indicators.crossunder(closes(11, 9), close, ten));
        assertFalse(Indicators.crossunder(closes(9, 8), close, ten));
        // sma:2 of 1,1,4 = 2.5 vs sma:3 = 2; one bar before sma:2 = 1 vs sma:3 NaN: no crossover without history
        assertFalse(Indicators.crossover(closes(1, 1, 4), Series.parse("sma:2"), Series.parse("sma:3")));
        // 3,3,3,6: sma:2 3 -> 4.5, sma:3 3 -> 4
        assertTrue(Indicators.crossover(closes(3, 3, 3, 6), Series.parse("sma:2"), Series.parse("sma:3")));
    }

    @Test
    void refusesPeriodsAndOffsetsThatMakeNoSense() {
        BarWindow window = closes(1, 2, 3);
        IllegalArgumentException period = assertThrows(IllegalArgumentException.class, () -> Indicators.sma(window, 0, 0));
        assertEquals("sma period must be at least 1, got 0", period.getMessage());
        IllegalArgumentException offset = assertThrows(IllegalArgumentException.class, () -> Indicators.rsi(window, 2, -1));
        assertEquals("rsi offset must be 0 (the newest bar) or more, got -1", offset.getMessage());
    }
}
