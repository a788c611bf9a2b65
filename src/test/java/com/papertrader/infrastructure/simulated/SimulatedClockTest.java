package com.papertrader.infrastructure.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private final MutableClock real = new MutableClock(Instant.parse("2030-01-01T12:00:00Z"));
    private final MarketCalendar calendar = MarketCalendar.nyse();

    private SimulatedClock clock(String marketStart, int minutesPerSecond) {
        return new SimulatedClock(Instant.parse(marketStart), minutesPerSecond, calendar, real);
    }

    @Test
    void runsNSimulatedMinutesPerRealSecond() {
        SimulatedClock clock = clock("2026-03-04T14:30:00Z", 1);
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), clock.instant());
        real.advance(Duration.ofSeconds(5));
        assertEquals(Instant.parse("2026-03-04T14:35:00Z"), clock.instant()); // a 5-minute bar every 5 real seconds
        real.advance(Duration.ofMillis(500));
        assertEquals(Instant.parse("2026-03-04T14:35:30Z"), clock.instant());

        SimulatedClock fast = clock("2026-03-04T14:30:00Z", 5);
        real.advance(Duration.ofSeconds(2));
        assertEquals(Instant.parse("2026-03-04T14:40:00Z"), fast.instant());
    }

    @Test
    void jumpsFromTheCloseToTheNextOpen() {
        SimulatedClock clock = clock("2026-03-04T20:58:00Z", 1);
        real.advance(Duration.ofSeconds(2));
        assertEquals(Instant.parse("2026-03-05T14:30:00Z"), clock.instant()); // exactly at the close: next open
        real.advance(Duration.ofSeconds(1));
        assertEquals(Instant.parse("2026-03-05T14:31:00Z"), clock.instant());
    }

    @Test
    void skipsWeekendsHolidaysAndFollowsDst() {
        // Thu 2026-04-02 15:59 ET (EDT); Good Friday and the weekend are closed
        SimulatedClock clock = clock("2026-04-02T19:59:00Z", 1);
        real.advance(Duration.ofSeconds(2));
        assertEquals(Instant.parse("2026-04-06T13:31:00Z"), clock.instant());
    }

    @Test
    void aStartOutsideHoursMovesToTheNextOpen() {
        assertEquals(Instant.parse("2026-03-09T13:30:00Z"), clock("2026-03-07T15:00:00Z", 1).instant()); // Saturday
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), clock("2026-03-04T12:00:00Z", 1).instant()); // pre-market
    }

    @Test
    void manySessionsLater() {
        SimulatedClock clock = clock("2026-03-02T14:30:00Z", 10);
        real.advance(Duration.ofSeconds(39 * 5 + 3)); // 5 full sessions of 390 minutes, then 30 minutes
        assertEquals(Instant.parse("2026-03-09T14:00:00Z"), clock.instant()); // Monday, EDT: 09:30 ET = 13:30Z
    }

    @Test
    void changingTheZoneKeepsTheTime() {
        SimulatedClock clock = clock("2026-03-04T14:30:00Z", 1);
        real.advance(Duration.ofSeconds(5));
        Clock newYork = clock.withZone(ZoneId.of("America/New_York"));
        assertEquals(clock.instant(), newYork.instant());
        assertEquals(ZoneId.of("America/New_York"), newYork.getZone());
        real.advance(Duration.ofSeconds(5));
        assertEquals(Instant.parse("2026-03-04T14:40:00Z"), newYork.instant());
    }

    @Test
    void refusesAStandingClock() {
        assertThrows(IllegalArgumentException.class, () -> clock("2026-03-04T14:30:00Z", 0));
    }
}
