package com.papertrader.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BacktestFormatsTest {

    private final BacktestFormats formats = new BacktestFormats();

    @Test
    void ratiosFiguresAndDurations() {
        assertEquals(new BigDecimal("0.0125"), formats.ratio(0.0125));
        assertNull(formats.ratio(null));
        assertEquals("1,234.57", formats.figure(1234.567));
        assertEquals("—", formats.figure(null));
        assertEquals("—", formats.figure(Double.NaN), "a ratio over nothing (a Sortino without a losing bar)");
        assertNull(formats.ratio(Double.NaN));
        assertEquals("55.00%", formats.percent(0.55));
        assertEquals("-1.25%", formats.percent(-0.0125));
        assertEquals("—", formats.percent(Double.NaN), "a win rate without round trips");
        assertEquals("45m", formats.duration(Duration.ofMinutes(45)));
        assertEquals("3h 05m", formats.duration(Duration.ofMinutes(185)));
        assertEquals("2d 1h 00m", formats.duration(Duration.ofHours(49)));
        assertEquals("", formats.duration(null));
    }
}
