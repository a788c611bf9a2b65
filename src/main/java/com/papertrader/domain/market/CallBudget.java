package com.papertrader.domain.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider's calls-per-minute limit (Polygon free plan: 5), counted over any 60 seconds so that a server
 * counting per clock minute or per sliding minute is never exceeded, and a pace in calls per second (Polygon asks
 * paid plans to stay under about 100), counted over any second: calls side by side wait their turn for it
 * ({@link #acquire}). Every page of a paged answer is a call. A 429 means the server counts differently than we do
 * (another client on the same key): pause a full minute. Thread-safe.
 */
public final class CallBudget {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration SECOND = Duration.ofSeconds(1);

    /** How a caller waits for its turn: the thread sleeps in the server; tests move their clock on. */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** The thread sleeps. */
    public static final Pause SLEEP = duration -> Thread.sleep(Math.max(1, duration.toMillis()));

    private final int callsPerMinute;
    private final int callsPerSecond;
    private final Clock clock;
    private final Pause pause;
    private final Deque<Instant> recentCalls = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    /** A budget per minute only. */
    public CallBudget(int callsPerMinute, Clock clock) {
        this(callsPerMinute, Integer.MAX_VALUE, clock, SLEEP);
    }

    public CallBudget(int callsPerMinute, int callsPerSecond, Clock clock, Pause pause) {
        if (callsPerMinute < 1 || callsPerSecond < 1) {
            throw new IllegalArgumentException("calls per minute and per second must be at least 1, not " + callsPerMinute + " and "
                    + callsPerSecond);
        }
        this.callsPerMinute = callsPerMinute;
        this.callsPerSecond = callsPerSecond;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
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

    /**
     * How many calls the minute allows now: none while paused, else what the last minute's calls leave of the limit
     * (the per-second pace is kept by {@link #acquire} making calls wait their turn).
     */
    public synchronized int callsAvailableNow() {
        Instant now = clock.instant();
        if (pausedUntil.isAfter(now)) {
            return 0;
        }
        forgetCallsBefore(now.minus(MINUTE));
        return callsPerMinute - recentCalls.size();
    }

    /**
     * Counts a call once it may go, waiting up to {@code longest} for its turn; returns false at once, counting nothing,
     * when its turn is further away (the minute's budget is spent, or paused after a 429).
     */
    public boolean acquire(Duration longest) throws InterruptedException {
        for (Duration wait = turnIn(); !wait.isZero(); wait = turnIn()) {
            if (wait.compareTo(longest) > 0) {
                return false;
            }
            pause.sleep(wait);
        }
        return true;
    }

    /** Counts a call and returns true if one may go now; returns false and counts nothing otherwise. */
    public boolean tryAcquire() {
        return turnIn().isZero();
    }

    /** Zero, the call counted, when one may go now (one reading of the clock); else how long until it may, nothing counted. */
    private synchronized Duration turnIn() {
        Instant now = clock.instant();
        Instant next = nextCallAt(now);
        if (next.isAfter(now)) {
            return Duration.between(now, next);
        }
        recentCalls.addLast(now);
        return Duration.ZERO;
    }

    /** The server answered 429: no call for the next minute. */
    public synchronized void rateLimited() {
        pausedUntil = clock.instant().plus(MINUTE);
    }

    private Instant nextCallAt(Instant now) {
        forgetCallsBefore(now.minus(MINUTE));
        Instant next = recentCalls.size() < callsPerMinute ? now : recentCalls.peekFirst().plus(MINUTE);
        if (recentCalls.size() >= callsPerSecond) {
            // the pace allows another call once the callsPerSecond-th newest call is a second old
            Iterator<Instant> newestFirst = recentCalls.descendingIterator();
            for (int i = 1; i < callsPerSecond; i++) {
                newestFirst.next();
            }
            Instant paced = newestFirst.next().plus(SECOND);
            next = paced.isAfter(next) ? paced : next;
        }
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
