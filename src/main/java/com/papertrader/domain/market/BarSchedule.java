package com.papertrader.domain.market;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a bar is due: a bar [start, start + size) can be fetched as final once its end plus the provider's delay
 * (0 real-time, 15 minutes on delayed plans) plus a grace for late prints has passed.
 * Bars are aligned to the session open (09:30 New York, or 04:00 with extended hours) and end at its close,
 * early closes included. A poller ticking every few seconds stays cheap and makes no calls outside market hours:
 * <pre>
 *   if (now.isBefore(nextDue)) return;
 *   fetch each ticker's bars up to schedule.latestDueBar(now) (inclusive);
 *   nextDue = schedule.nextDueAt(now);
 * </pre>
 */
public final class BarSchedule {

    private final MarketCalendar calendar;
    private final Timeframe timeframe;
    private final Duration providerDelay;
    private final Duration grace;
    private final boolean extendedHours;

    /**
     * @param extendedHours false: regular session only (the default); true: 04:00–20:00 New York
     */
    public BarSchedule(MarketCalendar calendar, Timeframe timeframe, Duration providerDelay, Duration grace,
                       boolean extendedHours) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.providerDelay = requireNotNegative(providerDelay, "provider delay");
        this.grace = requireNotNegative(grace, "grace");
        this.extendedHours = extendedHours;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    /** How long after its end the plan delivers a bar (15 minutes on delayed plans). */
    public Duration providerDelay() {
        return providerDelay;
    }

    /** The hours bars are polled in on this date: the regular or the extended session, or empty when closed. */
    public Optional<TradingSession> session(LocalDate date) {
        return extendedHours ? calendar.extendedSession(date) : calendar.session(date);
    }

    public List<Instant> barStarts(LocalDate date) {
        return session(date).map(timeframe::barStarts).orElse(List.of());
    }

    /** 78 five-minute bars on a full regular day, 42 on an early close, 0 when closed. */
    public int barsPerDay(LocalDate date) {
        return session(date).map(timeframe::barsIn).orElse(0);
    }

    /** One aggregates call per ticker per bar (paging aside): the load a plan must carry on this date. */
    public int expectedCallsPerDay(LocalDate date, int tickers) {
        return barsPerDay(date) * tickers;
    }

    /** True when a bar starting here belongs to the polled hours (used to drop Polygon's extended-hours bars). */
    public boolean isSessionBar(Instant start) {
        return session(start.atZone(MarketCalendar.NEW_YORK).toLocalDate())
                .filter(session -> timeframe.isBarStart(start, session))
                .isPresent();
    }

    /** The instant a bar starting here may be fetched as final. */
    public Instant dueAt(Instant barStart) {
        return barStart.plus(timeframe.length()).plus(lag());
    }

    /** The start of the newest bar that is due at this instant (on a Monday morning: Friday's last bar). */
    public Instant latestDueBar(Instant now) {
        Instant closedUpTo = now.minus(lag());
        LocalDate date = closedUpTo.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        while (true) {
            Optional<TradingSession> session = session(date);
            if (session.isPresent()) {
                long completeBars = Math.min(barsEndedBy(closedUpTo, session.get()), timeframe.barsIn(session.get()));
                if (completeBars > 0) {
                    return session.get().open().plus(timeframe.length().multipliedBy(completeBars - 1));
                }
            }
            date = date.minusDays(1);
        }
    }

    /**
     * The session of the newest bar due at this instant (today's, or the last one before it) and how many of its
     * bars are due by now: what a complete store holds of that session.
     */
    public SessionSoFar sessionSoFar(Instant now) {
        Instant latest = latestDueBar(now);
        LocalDate date = latest.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        TradingSession session = session(date).orElseThrow();
        return new SessionSoFar(date, session.open(), Math.toIntExact(barsEndedBy(latest.plus(timeframe.length()), session)));
    }

    /** @param barsDue the session's bars due so far, from its open */
    public record SessionSoFar(LocalDate date, Instant open, int barsDue) {
    }

    /** The first instant after now at which another bar becomes due; between sessions, the next session's first. */
    public Instant nextDueAt(Instant now) {
        Instant closedUpTo = now.minus(lag());
        LocalDate date = closedUpTo.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        while (true) {
            Optional<TradingSession> session = session(date);
            if (session.isPresent() && closedUpTo.isBefore(session.get().close())) {
                long nextBarEnd = closedUpTo.isBefore(session.get().open()) ? 1 : barsEndedBy(closedUpTo, session.get()) + 1;
                return session.get().open().plus(timeframe.length().multipliedBy(nextBarEnd)).plus(lag());
            }
            date = date.plusDays(1);
        }
    }

    /** How many bars of this session have ended by this instant, counting past the close (may be negative). */
    private long barsEndedBy(Instant instant, TradingSession session) {
        return Math.floorDiv(Duration.between(session.open(), instant).toMillis(), timeframe.length().toMillis());
    }

    private Duration lag() {
        return providerDelay.plus(grace);
    }

    private static Duration requireNotNegative(Duration duration, String what) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be zero or positive, not " + duration);
        }
        return duration;
    }
}
