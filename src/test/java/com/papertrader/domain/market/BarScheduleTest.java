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

/** Wed 2026-03-04 is in EST (open 14:30Z, close 21:00Z); from Mon 2026-03-09 New York is on EDT (13:30Z, 20:00Z). */
class BarScheduleTest {

    private static final Duration GRACE = Duration.ofSeconds(10);
    private final MarketCalendar calendar = MarketCalendar.nyse();
    private final BarSchedule realTime = new BarSchedule(calendar, Timeframe.minutes(5), Duration.ZERO, GRACE, false);

    @Test
    void aBarIsDueAfterItsEndPlusDelayPlusGrace() {
        assertEquals(Instant.parse("2026-03-04T14:35:10Z"), realTime.dueAt(Instant.parse("2026-03-04T14:30:00Z")));
        BarSchedule delayed = new BarSchedule(calendar, Timeframe.minutes(5), Duration.ofMinutes(15), Duration.ofSeconds(30), false);
        assertEquals(Instant.parse("2026-03-04T14:50:30Z"), delayed.dueAt(Instant.parse("2026-03-04T14:30:00Z")));
    }

    @Test
    void firstBarOfTheDayIsDueOnlyOnceItsGraceHasPassed() {
        // one second early: the newest due bar is still yesterday's last one (15:55 ET = 20:55Z)
        assertEquals(Instant.parse("2026-03-03T20:55:00Z"), realTime.latestDueBar(Instant.parse("2026-03-04T14:35:09Z")));
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), realTime.latestDueBar(Instant.parse("2026-03-04T14:35:10Z")));
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), realTime.latestDueBar(Instant.parse("2026-03-04T14:40:09Z")));
        assertEquals(Instant.parse("2026-03-04T14:35:00Z"), realTime.latestDueBar(Instant.parse("2026-03-04T14:40:10Z")));
    }

    @Test
    void sessionSoFarCountsTheBarsDueSinceTheOpen() {
        assertEquals(new BarSchedule.SessionSoFar(LocalDate.of(2026, 3, 4), Instant.parse("2026-03-04T14:30:00Z"), 2),
                realTime.sessionSoFar(Instant.parse("2026-03-04T14:40:10Z")), "09:30 and 09:35 are due");
        assertEquals(new BarSchedule.SessionSoFar(LocalDate.of(2026, 3, 3), Instant.parse("2026-03-03T14:30:00Z"), 78),
                realTime.sessionSoFar(Instant.parse("2026-03-04T14:35:09Z")), "before the first bar is due: yesterday's whole session");
        assertEquals(new BarSchedule.SessionSoFar(LocalDate.of(2026, 3, 6), Instant.parse("2026-03-06T14:30:00Z"), 78),
                realTime.sessionSoFar(Instant.parse("2026-03-08T12:00:00Z")), "on a Sunday: Friday's session");
    }

    @Test
    void nextDueIsStrictlyAfterNow() {
        assertEquals(Instant.parse("2026-03-04T14:35:10Z"), realTime.nextDueAt(Instant.parse("2026-03-04T14:35:09Z")));
        assertEquals(Instant.parse("2026-03-04T14:40:10Z"), realTime.nextDueAt(Instant.parse("2026-03-04T14:35:10Z")));
        assertEquals(Instant.parse("2026-03-04T14:35:10Z"), realTime.nextDueAt(Instant.parse("2026-03-04T09:00:00Z")));
    }

    @Test
    void lastBarOfTheSessionIsDueAfterTheClose() {
        assertEquals(Instant.parse("2026-03-04T21:00:10Z"), realTime.nextDueAt(Instant.parse("2026-03-04T21:00:09Z")));
        assertEquals(Instant.parse("2026-03-04T20:50:00Z"), realTime.latestDueBar(Instant.parse("2026-03-04T21:00:09Z")));
        assertEquals(Instant.parse("2026-03-04T20:55:00Z"), realTime.latestDueBar(Instant.parse("2026-03-04T21:00:10Z")));
    }

    /** Between the last due bar of a session and the first of the next, nothing changes: the poller makes no call. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-04T21:00:10Z", "2026-03-04T23:30:00Z", "2026-03-05T05:00:00Z",
            "2026-03-05T13:00:00Z", "2026-03-05T14:35:09Z"})
    void nothingBecomesDueOutsideMarketHours(String now) {
        assertEquals(Instant.parse("2026-03-04T20:55:00Z"), realTime.latestDueBar(Instant.parse(now)));
        assertEquals(Instant.parse("2026-03-05T14:35:10Z"), realTime.nextDueAt(Instant.parse(now)));
    }

    @Test
    void overTheWeekendAndTheDstSwitchTheNextBarIsMondaysFirstInEdt() {
        Instant fridayEvening = Instant.parse("2026-03-06T23:00:00Z");
        assertEquals(Instant.parse("2026-03-06T20:55:00Z"), realTime.latestDueBar(fridayEvening));
        assertEquals(Instant.parse("2026-03-09T13:35:10Z"), realTime.nextDueAt(fridayEvening));
        assertEquals(Instant.parse("2026-03-09T13:30:00Z"), realTime.latestDueBar(Instant.parse("2026-03-09T13:35:10Z")));
    }

    @Test
    void goodFridayIsSkipped() {
        // Thu 2026-04-02 closes 20:00Z (EDT); Good Friday and the weekend are closed
        Instant thursdayAfterClose = Instant.parse("2026-04-02T20:00:10Z");
        assertEquals(Instant.parse("2026-04-02T19:55:00Z"), realTime.latestDueBar(thursdayAfterClose));
        assertEquals(Instant.parse("2026-04-06T13:35:10Z"), realTime.nextDueAt(thursdayAfterClose));
        assertEquals(Instant.parse("2026-04-02T19:55:00Z"), realTime.latestDueBar(Instant.parse("2026-04-03T15:00:00Z")));
    }

    @Test
    void earlyCloseEndsTheBarsAt1300() {
        // Fri 2026-11-27: 09:30-13:00 ET = 14:30Z-18:00Z
        assertEquals(Instant.parse("2026-11-27T18:00:10Z"), realTime.nextDueAt(Instant.parse("2026-11-27T17:59:00Z")));
        assertEquals(Instant.parse("2026-11-27T17:55:00Z"), realTime.latestDueBar(Instant.parse("2026-11-27T20:00:00Z")));
        assertEquals(Instant.parse("2026-11-30T14:35:10Z"), realTime.nextDueAt(Instant.parse("2026-11-27T18:00:10Z")));
        List<Instant> starts = realTime.barStarts(LocalDate.of(2026, 11, 27));
        assertEquals(42, starts.size());
        assertEquals(Instant.parse("2026-11-27T17:55:00Z"), starts.get(starts.size() - 1));
    }

    @Test
    void fifteenMinuteDelayShiftsEveryDueTime() {
        BarSchedule delayed = new BarSchedule(calendar, Timeframe.minutes(5), Duration.ofMinutes(15), Duration.ofSeconds(30), false);
        assertEquals(Instant.parse("2026-03-03T20:55:00Z"), delayed.latestDueBar(Instant.parse("2026-03-04T14:50:29Z")));
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), delayed.latestDueBar(Instant.parse("2026-03-04T14:50:30Z")));
        assertEquals(Instant.parse("2026-03-04T14:50:30Z"), delayed.nextDueAt(Instant.parse("2026-03-04T14:00:00Z")));
        // the last bar is fetched 15 minutes after the close
        assertEquals(Instant.parse("2026-03-04T21:10:30Z"), delayed.nextDueAt(Instant.parse("2026-03-04T21:10:00Z")));
        assertEquals(Instant.parse("2026-03-04T21:15:30Z"), delayed.nextDueAt(Instant.parse("2026-03-04T21:10:30Z")));
        assertEquals(Instant.parse("2026-03-05T14:50:30Z"), delayed.nextDueAt(Instant.parse("2026-03-04T21:15:30Z")));
    }

    @Test
    void countsBarsAndCallsPerDay() {
        assertEquals(78, realTime.barsPerDay(LocalDate.of(2026, 3, 4)));
        assertEquals(42, realTime.barsPerDay(LocalDate.of(2026, 11, 27)));
        assertEquals(0, realTime.barsPerDay(LocalDate.of(2026, 4, 3)));
        assertEquals(0, realTime.barsPerDay(LocalDate.of(2026, 3, 7)));
        assertEquals(78 * 48, realTime.expectedCallsPerDay(LocalDate.of(2026, 3, 4), 48));
        assertEquals(42 * 48, realTime.expectedCallsPerDay(LocalDate.of(2026, 11, 27), 48));
        BarSchedule fifteen = new BarSchedule(calendar, Timeframe.minutes(15), Duration.ZERO, GRACE, false);
        assertEquals(26, fifteen.barsPerDay(LocalDate.of(2026, 3, 4)));
        BarSchedule one = new BarSchedule(calendar, Timeframe.minutes(1), Duration.ZERO, GRACE, false);
        assertEquals(390, one.barsPerDay(LocalDate.of(2026, 3, 4)));
    }

    @Test
    void extendedHoursRunFrom0400To2000() {
        BarSchedule extended = new BarSchedule(calendar, Timeframe.minutes(5), Duration.ZERO, GRACE, true);
        assertEquals(192, extended.barsPerDay(LocalDate.of(2026, 3, 4)));   // 16 hours
        assertEquals(156, extended.barsPerDay(LocalDate.of(2026, 11, 27))); // 04:00-17:00
        assertEquals(Instant.parse("2026-03-04T09:05:10Z"), extended.nextDueAt(Instant.parse("2026-03-04T08:00:00Z")));
        assertEquals(Instant.parse("2026-03-04T14:25:00Z"), extended.latestDueBar(Instant.parse("2026-03-04T14:30:10Z")));
        assertTrue(extended.isSessionBar(Instant.parse("2026-03-04T14:25:00Z")));
        assertTrue(extended.isSessionBar(Instant.parse("2026-03-05T00:55:00Z"))); // 19:55 ET
    }

    @Test
    void sessionBarsAreInsideTheHoursAndOnTheGrid() {
        assertTrue(realTime.isSessionBar(Instant.parse("2026-03-04T14:30:00Z")));
        assertTrue(realTime.isSessionBar(Instant.parse("2026-03-04T20:55:00Z")));
        assertFalse(realTime.isSessionBar(Instant.parse("2026-03-04T14:25:00Z"))); // pre-market
        assertFalse(realTime.isSessionBar(Instant.parse("2026-03-04T21:00:00Z"))); // after-hours
        assertFalse(realTime.isSessionBar(Instant.parse("2026-03-04T14:32:00Z"))); // off the grid
        assertFalse(realTime.isSessionBar(Instant.parse("2026-04-03T14:30:00Z"))); // Good Friday
    }

    @Test
    void refusesNegativeDelays() {
        assertThrows(IllegalArgumentException.class,
                () -> new BarSchedule(calendar, Timeframe.minutes(5), Duration.ofMinutes(-1), GRACE, false));
        assertThrows(IllegalArgumentException.class,
                () -> new BarSchedule(calendar, Timeframe.minutes(5), Duration.ZERO, null, false));
    }
}
