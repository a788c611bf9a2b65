package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeframeTest {

    private static final TradingSession EARLY_CLOSE = new TradingSession(LocalDate.of(2026, 11, 27),
            Instant.parse("2026-11-27T14:30:00Z"), Instant.parse("2026-11-27T18:00:00Z"), true);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 6, 10, 15, 30})
    void acceptsMinuteSizesThatDivideHalfAnHour(int minutes) {
        assertEquals(minutes, Timeframe.minutes(minutes).minutes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 4, 7, 20, 45, 60})
    void refusesSizesThatWouldCutABarAtASessionBoundary(int minutes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Timeframe.minutes(minutes));
        assertTrue(e.getMessage().startsWith("Bar size must be 1, 2, 3, 5, 6, 10, 15 or 30 minutes"), e.getMessage());
    }

    @Test
    void refusesFractionsOfAMinute() {
        assertThrows(IllegalArgumentException.class, () -> new Timeframe(Duration.ofSeconds(90)));
        assertThrows(IllegalArgumentException.class, () -> new Timeframe(null));
    }

    @Test
    void labelsTheSize() {
        assertEquals("5-min", Timeframe.minutes(5).label());
    }

    @Test
    void earlyCloseSessionHas42FiveMinuteBarsFromTheOpen() {
        Timeframe five = Timeframe.minutes(5);
        List<Instant> starts = five.barStarts(EARLY_CLOSE);
        assertEquals(42, five.barsIn(EARLY_CLOSE));
        assertEquals(42, starts.size());
        assertEquals(Instant.parse("2026-11-27T14:30:00Z"), starts.get(0));
        assertEquals(Instant.parse("2026-11-27T14:35:00Z"), starts.get(1));
        assertEquals(Instant.parse("2026-11-27T17:55:00Z"), starts.get(41));
        assertEquals(14, Timeframe.minutes(15).barsIn(EARLY_CLOSE));
    }

    @Test
    void barStartMustBeInTheSessionAndOnItsGrid() {
        Timeframe five = Timeframe.minutes(5);
        assertTrue(five.isBarStart(Instant.parse("2026-11-27T14:30:00Z"), EARLY_CLOSE));
        assertTrue(five.isBarStart(Instant.parse("2026-11-27T17:55:00Z"), EARLY_CLOSE));
        assertFalse(five.isBarStart(Instant.parse("2026-11-27T14:32:00Z"), EARLY_CLOSE));
        assertFalse(five.isBarStart(Instant.parse("2026-11-27T14:25:00Z"), EARLY_CLOSE));
        assertFalse(five.isBarStart(Instant.parse("2026-11-27T18:00:00Z"), EARLY_CLOSE));
    }
}
