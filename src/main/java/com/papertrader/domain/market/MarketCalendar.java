package com.papertrader.domain.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The NYSE trading calendar in America/New_York: regular session 09:30–16:00, early closes at 13:00,
 * full holidays by the exchange's observance rules, weekends. DST is handled by doing all arithmetic in New York time.
 * Pure Java; rules rather than a table, so years beyond the tested 2025–2027 keep working, plus the one-off closures
 * the exchange declared. Every bar asks for its day and session, so both are remembered once worked out (a session
 * per date asked, a few kilobytes a year; the last day's bounds): a pure cache, safe across threads.
 */
public final class MarketCalendar {

    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    private static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    private static final LocalTime AFTER_HOURS_CLOSE = LocalTime.of(20, 0);
    private static final LocalTime EARLY_AFTER_HOURS_CLOSE = LocalTime.of(17, 0);

    /** Closures outside the rules (national days of mourning and the like). */
    private static final Map<LocalDate, String> SPECIAL_CLOSURES = Map.of(
            LocalDate.of(2025, 1, 9), "National Day of Mourning for President Carter");

    private static final MarketCalendar NYSE = new MarketCalendar();

    private static final Map<LocalDate, Optional<TradingSession>> SESSIONS = new ConcurrentHashMap<>();
    /** The New York day last asked for by {@link #tradingDay}, with its bounds: most calls fall in the same day. */
    private static volatile DayBounds lastDay = DayBounds.of(LocalDate.EPOCH);

    private MarketCalendar() {
    }

    public static MarketCalendar nyse() {
        return NYSE;
    }

    /** The holiday that closes the exchange on this date, if any (weekends are not holidays). */
    public Optional<String> holiday(LocalDate date) {
        String special = SPECIAL_CLOSURES.get(date);
        if (special != null) {
            return Optional.of(special);
        }
        int year = date.getYear();
        if (date.equals(newYearsDayObserved(year))) {
            return Optional.of("New Year's Day");
        }
        if (date.equals(nthWeekday(year, Month.JANUARY, 3, DayOfWeek.MONDAY))) {
            return Optional.of("Martin Luther King Jr. Day");
        }
        if (date.equals(nthWeekday(year, Month.FEBRUARY, 3, DayOfWeek.MONDAY))) {
            return Optional.of("Washington's Birthday");
        }
        if (date.equals(easterSunday(year).minusDays(2))) {
            return Optional.of("Good Friday");
        }
        if (date.equals(LocalDate.of(year, Month.MAY, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
            return Optional.of("Memorial Day");
        }
        if (year >= 2022 && date.equals(observed(LocalDate.of(year, Month.JUNE, 19)))) {
            return Optional.of("Juneteenth");
        }
        if (date.equals(observed(LocalDate.of(year, Month.JULY, 4)))) {
            return Optional.of("Independence Day");
        }
        if (date.equals(nthWeekday(year, Month.SEPTEMBER, 1, DayOfWeek.MONDAY))) {
            return Optional.of("Labor Day");
        }
        if (date.equals(thanksgiving(year))) {
            return Optional.of("Thanksgiving Day");
        }
        if (date.equals(observed(LocalDate.of(year, Month.DECEMBER, 25)))) {
            return Optional.of("Christmas Day");
        }
        return Optional.empty();
    }

    public boolean isTradingDay(LocalDate date) {
        return !isWeekend(date) && holiday(date).isEmpty();
    }

    /** True on the days the exchange closes at 13:00 (the day before Independence Day, after Thanksgiving, Christmas Eve). */
    public boolean isEarlyClose(LocalDate date) {
        if (!isTradingDay(date)) {
            return false;
        }
        int year = date.getYear();
        LocalDate july3 = LocalDate.of(year, Month.JULY, 3);
        LocalDate christmasEve = LocalDate.of(year, Month.DECEMBER, 24);
        return date.equals(thanksgiving(year).plusDays(1))
                || (date.equals(july3) && !isWeekend(july3.plusDays(1)))
                || date.equals(christmasEve);
    }

    /** The regular session of this date, or empty when the exchange is closed all day. */
    public Optional<TradingSession> session(LocalDate date) {
        return SESSIONS.computeIfAbsent(date, this::sessionByRules);
    }

    private Optional<TradingSession> sessionByRules(LocalDate date) {
        if (!isTradingDay(date)) {
            return Optional.empty();
        }
        boolean early = isEarlyClose(date);
        return Optional.of(new TradingSession(date, at(date, REGULAR_OPEN), at(date, early ? EARLY_CLOSE : REGULAR_CLOSE), early));
    }

    /** Pre-market through after-hours (04:00–20:00, or 17:00 on an early-close day), for the extended-hours switch. */
    public Optional<TradingSession> extendedSession(LocalDate date) {
        return session(date).map(regular -> new TradingSession(date, at(date, PRE_MARKET_OPEN),
                at(date, regular.earlyClose() ? EARLY_AFTER_HOURS_CLOSE : AFTER_HOURS_CLOSE), regular.earlyClose()));
    }

    /** The regular session containing this instant, if the market is open then. */
    public Optional<TradingSession> sessionAt(Instant instant) {
        Optional<TradingSession> session = session(tradingDay(instant)); // no lambda: asked for every working order on every bar
        return session.isPresent() && session.get().contains(instant) ? session : Optional.empty();
    }

    public boolean isOpen(Instant instant) {
        return sessionAt(instant).isPresent();
    }

    /** The first regular session that has not closed yet at this instant (today's if it is still open or to come). */
    public TradingSession nextSession(Instant instant) {
        LocalDate date = tradingDay(instant);
        while (true) {
            Optional<TradingSession> session = session(date);
            if (session.isPresent() && instant.isBefore(session.get().close())) {
                return session.get();
            }
            date = date.plusDays(1);
        }
    }

    /** The last regular session that closed at or before this instant. */
    public TradingSession previousSession(Instant instant) {
        LocalDate date = tradingDay(instant);
        while (true) {
            Optional<TradingSession> session = session(date);
            if (session.isPresent() && !instant.isBefore(session.get().close())) {
                return session.get();
            }
            date = date.minusDays(1);
        }
    }

    /** The New York date of an instant: the trading day a bar, an order or a daily limit belongs to. */
    public static LocalDate tradingDay(Instant instant) {
        DayBounds day = lastDay;
        if (!day.contains(instant)) {
            day = DayBounds.of(instant.atZone(NEW_YORK).toLocalDate());
            lastDay = day;
        }
        return day.date();
    }

    /** A New York date and the instants it runs over, [start, end): 23, 24 or 25 hours. */
    private record DayBounds(LocalDate date, Instant start, Instant end) {
        static DayBounds of(LocalDate date) {
            return new DayBounds(date, date.atStartOfDay(NEW_YORK).toInstant(), date.plusDays(1).atStartOfDay(NEW_YORK).toInstant());
        }

        boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, NEW_YORK).toInstant();
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    /** Saturday holidays are observed on Friday, Sunday holidays on Monday. */
    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    /** NYSE does not close on Friday December 31 when January 1 is a Saturday. */
    private static LocalDate newYearsDayObserved(int year) {
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        return newYear.getDayOfWeek() == DayOfWeek.SUNDAY ? newYear.plusDays(1) : newYear;
    }

    private static LocalDate thanksgiving(int year) {
        return nthWeekday(year, Month.NOVEMBER, 4, DayOfWeek.THURSDAY);
    }

    private static LocalDate nthWeekday(int year, Month month, int n, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, day));
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
