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
        assertEquals(new Series(Series.Kind.SMA, 20, 0), Series.parse("sma:20"));
        assertEquals(new Series(Series.Kind.EMA, 9, 0), Series.parse(" EMA:9 "));
        assertEquals(new Series(Series.Kind.CLOSE, 0, 0), Series.parse("close"));
        assertEquals(new Series(Series.Kind.VWAP, 0, 0), Series.parse("vwap"));
        assertEquals(Series.level(30), Series.parse("30"));
        assertEquals(Series.level(-1.5), Series.parse("-1.5"));
    }

    @Test
    void explainsWhatIsWrong() {
        assertEquals("series 'sma' needs a period, like sma:20; use close, open, high, low, vwap, sma:N, ema:N, rsi:N, atr:N or a number",
                assertThrows(IllegalArgumentException.class, () -> Series.parse("sma")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Series.parse("close:5")).getMessage().contains("takes no period"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Series.parse("macd")).getMessage().startsWith("unknown series 'macd'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Series.parse("sma:x")).getMessage().contains("whole-number period"));
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
