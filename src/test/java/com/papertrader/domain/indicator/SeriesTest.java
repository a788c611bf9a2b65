package com.papertrader.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.TestBars;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void parsesTheFormsScriptsWrite() {
        assertEquals(Series.of(IndicatorSpec.of(Indicator.SMA, 20), 0), Series.parse("sma:20"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.EMA, 9), 0), Series.parse(" EMA:9 "));
        assertEquals(new Series(Series.Kind.CLOSE, null, 0, 0), Series.parse("close"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.VWAP), 0), Series.parse("vwap"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.MACD, 12, 26, 9), 1), Series.parse("macd.signal:12:26:9"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.MACD, 12, 26, 9), 0), Series.parse("macd:12:26:9"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.BOLLINGER, 20, 2), 3), Series.parse("bb.percentB:20:2"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.ADX, 14), 1), Series.parse("adx.plusdi:14"));
        assertEquals(Series.of(IndicatorSpec.of(Indicator.SAR, 0.02, 0.2), 0), Series.parse("sar:0.02:0.2"));
        assertEquals(Series.level(30), Series.parse("30"));
        assertEquals(Series.level(-1.5), Series.parse("-1.5"));
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals("series 'sma' needs 1 number after sma (period), like sma:20",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("sma")).getMessage());
        assertEquals("series 'macd:12:26' needs 3 numbers after macd (fast, slow, signal), like macd:12:26:9",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("macd:12:26")).getMessage());
        assertEquals("series 'bb.top:20:2': bb has the outputs upper, middle, lower, percentB, bandwidth, like bb.upper",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("bb.top:20:2")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Series.parse("close:5")).getMessage().contains("takes no parameters"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Series.parse("kama:10")).getMessage().startsWith("unknown series 'kama:10'"));
        assertEquals("series 'sma:x': sma period must be a number, like sma:20",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("sma:x")).getMessage());
        assertEquals("sma period must be a whole number of bars, got 2.5",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("sma:2.5")).getMessage());
        assertEquals("macd fast period must be shorter than the slow period, got 26 and 12",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("macd:26:12:9")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Series.parse("sma:0"));
        assertThrows(IllegalArgumentException.class, () -> Series.level(Double.NaN));
    }

    @Test
    void readsItsValueFromTheWindow() {
        BarWindow window = TestBars.window(10, TestBars.closes("TEST", TestBars.at(2025, 3, 14, 9, 30), 2, 4, 6));
        assertEquals(6.0, Series.parse("close").valueAt(window, 0));
        assertEquals(4.0, Series.parse("close").valueAt(window, 1));
        assertTrue(Double.isNaN(Series.parse("close").valueAt(window, 3)));
        assertEquals(5.0, Series.parse("sma:2").valueAt(window, 0));
        assertEquals(7.5, Series.parse("7.5").valueAt(window, 2));
    }
}
