package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MarketCalendarTest {

    private final MarketCalendar calendar = MarketCalendar.nyse();

    /** NYSE's published full-day closures (nyse.com/markets/hours-calendars), including the 2025 day of mourning. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2025-01-01, New Year's Day",
            "2025-01-09, National Day of Mourning for President Carter",
            "2025-01-20, Martin Luther King Jr. Day",
            "2025-02-17, Washington's Birthday",
            "2025-04-18, Good Friday",
            "2025-05-26, Memorial Day",
            "2025-06-19, Juneteenth",
            "2025-07-04, Independence Day",
            "2025-09-01, Labor Day",
            "2025-11-27, Thanksgiving Day",
            "2025-12-25, Christmas Day",
            "2026-01-01, New Year's Day",
            "2026-01-19, Martin Luther King Jr. Day",
            "2026-02-16, Washington's Birthday",
            "2026-04-03, Good Friday",
            "2026-05-25, Memorial Day",
            "2026-06-19, Juneteenth",
            "2026-07-03, Independence Day",
            "2026-09-07, Labor Day",
            "2026-11-26, Thanksgiving Day",
            "2026-12-25, Christmas Day",
            "2027-01-01, New Year's Day",
            "2027-01-18, Martin Luther King Jr. Day",
            "2027-02-15, Washington's Birthday",
            "2027-03-26, Good Friday",
            "2027-05-31, Memorial Day",
            "2027-06-18, Juneteenth",
            "2027-07-05, Independence Day",
            "2027-09-06, Labor Day",
            "2027-11-25, Thanksgiving Day",
            "2027-12-24, Christmas Day",
    })
    void publishedHolidaysCloseTheExchange(LocalDate date, String name) {
        assertEquals(Optional.of(name), calendar.holiday(date));
        assertFalse(calendar.isTradingDay(date));
        assertFalse(calendar.isEarlyClose(date));
        assertEquals(Optional.empty(), calendar.session(date));
        assertEquals(Optional.empty(), calendar.extendedSession(date));
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void noOtherDayIsAHoliday(int year) {
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (calendar.holiday(d).isPresent()) {
                holidays.add(d);
            }
        }
        assertEquals(year == 2025 ? 11 : 10, holidays.size(), holidays::toString);
    }

    @ParameterizedTest
    @CsvSource({"2025-07-03", "2025-11-28", "2025-12-24", "2026-11-27", "2026-12-24", "2027-11-26"})
    void publishedEarlyClosesEndAt1300NewYork(LocalDate date) {
        assertTrue(calendar.isTradingDay(date));
        assertTrue(calendar.isEarlyClose(date));
        TradingSession session = calendar.session(date).orElseThrow();
        assertTrue(session.earlyClose());
        assertEquals(newYork(date, "09:30"), session.open());
        assertEquals(newYork(date, "13:00"), session.close());
        TradingSession extended = calendar.extendedSession(date).orElseThrow();
        assertEquals(newYork(date, "04:00"), extended.open());
        assertEquals(newYork(date, "17:00"), extended.close());
    }

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void onlyThePublishedDaysCloseEarly(int year) {
        int earlyCloses = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            earlyCloses += calendar.isEarlyClose(d) ? 1 : 0;
        }
        assertEquals(year == 2027 ? 1 : year == 2026 ? 2 : 3, earlyCloses);
    }

    /** Days next to holidays that the rules must not touch. */
    @ParameterizedTest
    @CsvSource({
            "2026-07-02", // Independence Day falls on Saturday: Friday is off, Thursday is a full day
            "2027-07-02", // July 4 on Sunday: Monday is off, Friday is a full day
            "2027-12-23", // Christmas Eve is the observed holiday: no early close the day before
            "2027-12-31", // New Year's Day 2028 is a Saturday: NYSE stays open on Friday Dec 31
            "2025-01-08", "2025-01-10", // around the 2025 day of mourning
    })
    void neighboursOfHolidaysAreFullDays(LocalDate date) {
        assertTrue(calendar.isTradingDay(date));
        assertFalse(calendar.isEarlyClose(date));
        TradingSession session = calendar.session(date).orElseThrow();
        assertEquals(newYork(date, "16:00"), session.close());
    }

    @Test
    void weekendsAreClosedButAreNotHolidays() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);
        LocalDate sunday = LocalDate.of(2026, 3, 8);
        assertEquals(DayOfWeek.SATURDAY, saturday.getDayOfWeek());
        for (LocalDate d : List.of(saturday, sunday)) {
            assertFalse(calendar.isTradingDay(d));
            assertEquals(Optional.empty(), calendar.holiday(d));
            assertEquals(Optional.empty(), calendar.session(d));
        }
        assertFalse(calendar.isOpen(Instant.parse("2026-03-07T15:00:00Z")));
    }

    /** 2026 DST starts Sunday March 8 and ends Sunday November 1: 09:30 New York is 14:30Z in EST, 13:30Z in EDT. */
    @ParameterizedTest
    @CsvSource({
            "2026-03-06, 2026-03-06T14:30:00Z, 2026-03-06T21:00:00Z", // last EST Friday
            "2026-03-09, 2026-03-09T13:30:00Z, 2026-03-09T20:00:00Z", // first EDT Monday
            "2026-10-30, 2026-10-30T13:30:00Z, 2026-10-30T20:00:00Z", // last EDT Friday
            "2026-11-02, 2026-11-02T14:30:00Z, 2026-11-02T21:00:00Z", // first EST Monday
    })
    void sessionsAroundTheDstSwitchesOpenAt0930NewYork(LocalDate date, Instant open, Instant close) {
        TradingSession session = calendar.session(date).orElseThrow();
        assertEquals(open, session.open());
        assertEquals(close, session.close());
    }

    @Test
    void dstSwitchDaysThemselvesAreSundays() {
        assertEquals(Optional.empty(), calendar.session(LocalDate.of(2026, Month.MARCH, 8)));
        assertEquals(Optional.empty(), calendar.session(LocalDate.of(2026, Month.NOVEMBER, 1)));
    }

    @Test
    void extendedSessionRunsFrom0400To2000NewYork() {
        TradingSession extended = calendar.extendedSession(LocalDate.of(2026, 3, 9)).orElseThrow();
        assertEquals(Instant.parse("2026-03-09T08:00:00Z"), extended.open());
        assertEquals(Instant.parse("2026-03-10T00:00:00Z"), extended.close());
        assertFalse(extended.earlyClose());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-08T04:59:59Z, 2026-03-07", "2026-03-08T05:00:00Z, 2026-03-08", // EST midnight, the 23-hour day begins
        "2026-03-09T03:59:59Z, 2026-03-08", "2026-03-09T04:00:00Z, 2026-03-09", // EDT midnight
        "2026-11-01T03:59:59Z, 2026-10-31", "2026-11-01T04:00:00Z, 2026-11-01", // the 25-hour day begins
        "2026-11-02T04:59:59Z, 2026-11-01", "2026-11-02T05:00:00Z, 2026-11-02",
    })
    void theTradingDayIsTheNewYorkDateAcrossTheDstSwitches(Instant instant, LocalDate day) {
        assertEquals(day, MarketCalendar.tradingDay(instant));
    }

    @Test
    void theTradingDayRemembersNoWrongDayWhenInstantsJumpBackAndForth() {
        // the last day's bounds are remembered: each answer must still be its own instant's date
        Instant start = Instant.parse("2026-10-30T00:00:00Z");
        for (int i = 0; i < 200; i++) {
            Instant instant = start.plusSeconds((i % 2 == 0 ? i : 200 - i) * 1_799L);
            assertEquals(instant.atZone(MarketCalendar.NEW_YORK).toLocalDate(), MarketCalendar.tradingDay(instant), instant::toString);
        }
    }

    @Test
    void isOpenIncludesTheOpenAndExcludesTheClose() {
        assertFalse(calendar.isOpen(Instant.parse("2026-03-04T14:29:59Z")));
        assertTrue(calendar.isOpen(Instant.parse("2026-03-04T14:30:00Z")));
        assertTrue(calendar.isOpen(Instant.parse("2026-03-04T20:59:59Z")));
        assertFalse(calendar.isOpen(Instant.parse("2026-03-04T21:00:00Z")));
        assertEquals(LocalDate.of(2026, 3, 4),
                calendar.sessionAt(Instant.parse("2026-03-04T16:00:00Z")).orElseThrow().date());
    }

    @Test
    void nextSessionSkipsTheWeekend() {
        // Friday 2026-03-06 after the close (21:00Z) -> Monday 2026-03-09
        assertEquals(LocalDate.of(2026, 3, 9), calendar.nextSession(Instant.parse("2026-03-06T21:00:00Z")).date());
        // Friday during the session -> that same session
        assertEquals(LocalDate.of(2026, 3, 6), calendar.nextSession(Instant.parse("2026-03-06T15:00:00Z")).date());
        // Saturday -> Monday
        assertEquals(LocalDate.of(2026, 3, 9), calendar.nextSession(Instant.parse("2026-03-07T12:00:00Z")).date());
    }

    @Test
    void nextSessionSkipsAHolidayWeekend() {
        // Thursday 2026-04-02 after close; Good Friday 04-03 and the weekend are closed -> Monday 04-06
        assertEquals(LocalDate.of(2026, 4, 6), calendar.nextSession(Instant.parse("2026-04-02T20:30:00Z")).date());
    }

    @Test
    void previousSessionSkipsTheWeekendAndHolidays() {
        // Monday 2026-03-09 before the open -> Friday 2026-03-06
        assertEquals(LocalDate.of(2026, 3, 6), calendar.previousSession(Instant.parse("2026-03-09T12:00:00Z")).date());
        // Monday 2026-04-06 at noon ET (still open) -> Thursday 04-02 (Good Friday closed)
        assertEquals(LocalDate.of(2026, 4, 2), calendar.previousSession(Instant.parse("2026-04-06T16:00:00Z")).date());
        // exactly at a close: that session counts as closed
        assertEquals(LocalDate.of(2026, 4, 2), calendar.previousSession(Instant.parse("2026-04-02T20:00:00Z")).date());
        // Friday after Thanksgiving closes at 13:00 ET = 18:00Z
        assertEquals(LocalDate.of(2026, 11, 27), calendar.previousSession(Instant.parse("2026-11-27T18:00:00Z")).date());
        assertEquals(LocalDate.of(2026, 11, 25), calendar.previousSession(Instant.parse("2026-11-27T17:59:59Z")).date());
    }

    @Test
    void easterDatesMatchThePublishedGoodFridays() {
        assertEquals(LocalDate.of(2025, 4, 20), MarketCalendar.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), MarketCalendar.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), MarketCalendar.easterSunday(2027));
    }

    static Instant newYork(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(MarketCalendar.NEW_YORK).toInstant();
    }
}
