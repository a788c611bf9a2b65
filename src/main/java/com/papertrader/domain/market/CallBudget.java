package com.papertrader.domain.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's calls-per-minute limit (Polygon free plan: 5), counted over any 60 seconds so that a server
 * counting per clock minute or per sliding minute is never exceeded. Every page of a paged answer is a call.
 * A 429 means the server counts differently than we do (another client on the same key): pause a full minute.
 * Thread-safe.
 */
public final class CallBudget {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int callsPerMinute;
    private final Clock clock;
    private final Deque<Instant> recentCalls = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    public CallBudget(int callsPerMinute, Clock clock) {
        if (callsPerMinute < 1) {
            throw new IllegalArgumentException("calls per minute must be at least 1, not " + callsPerMinute);
        }
        this.callsPerMinute = callsPerMinute;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** For paid plans ("unlimited", a few calls per second at most from this poller). */
    public static CallBudget unlimited(Clock clock) {
        return new CallBudget(Integer.MAX_VALUE, clock);
    }

    public int callsPerMinute() {
        return callsPerMinute;
    }

    /** Now when a call may go now, else the instant the budget allows the next one. */
    public synchronized Instant nextCallAt() {
        return nextCallAt(clock.instant());
    }

    /** True when a call may go now (one reading of the clock, so a clock that moves on between calls cannot say no). */
    public synchronized boolean allowsCallNow() {
        Instant now = clock.instant();
        return !nextCallAt(now).isAfter(now);
    }

    /** How many calls may go now: none while paused, else what the last minute's calls leave of the limit. */
    public synchronized int callsAvailableNow() {
        Instant now = clock.instant();
        if (pausedUntil.isAfter(now)) {
            return 0;
        }
        forgetCallsBefore(now.minus(MINUTE));
        return callsPerMinute - recentCalls.size();
    }

    /** Counts a call and returns true if one may go now; returns false and counts nothing otherwise. */
    public synchronized boolean tryAcquire() {
        Instant now = clock.instant();
        if (nextCallAt(now).isAfter(now)) {
            return false;
        }
        recentCalls.addLast(now);
        return true;
    }

    /** The server answered 429: no call for the next minute. */
    public synchronized void rateLimited() {
        pausedUntil = clock.instant().plus(MINUTE);
    }

    private Instant nextCallAt(Instant now) {
        forgetCallsBefore(now.minus(MINUTE));
        Instant next = recentCalls.size() < callsPerMinute ? now : recentCalls.peekFirst().plus(MINUTE);
        return next.isAfter(pausedUntil) ? next : pausedUntil;
    }

    /**
     * The start-up check: empty when one call per ticker per bar fits the budget, else the message to show,
     * e.g. "48 tickers need 48 calls per 5-min bar; plan allows 25 (5 calls/min)".
     */
    public Optional<String> shortfall(int tickers, Timeframe timeframe) {
        long allowedPerBar = (long) callsPerMinute * timeframe.minutes();
        if (tickers <= allowedPerBar) {
            return Optional.empty();
        }
        return Optional.of(tickers + " tickers need " + tickers + " calls per " + timeframe.label() + " bar; plan allows "
                + allowedPerBar + " (" + callsPerMinute + " calls/min)");
    }

    private void forgetCallsBefore(Instant cutoff) {
        while (!recentCalls.isEmpty() && !recentCalls.peekFirst().isAfter(cutoff)) {
            recentCalls.removeFirst();
        }
    }
}
