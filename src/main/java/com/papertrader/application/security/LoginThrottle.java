package com.papertrader.application.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed logins per client address, and how long the address must wait before its next attempt is even checked.
 * The first {@value #FREE_FAILURES} failures cost nothing (typos); after that each failure doubles the wait, from one
 * second up to {@link #MAX_WAIT}. A success clears the address; failures older than {@link #FORGET_AFTER} are
 * forgotten. At most {@value #MAX_ADDRESSES} addresses are remembered (the longest quiet forgotten first), so a flood
 * from many addresses cannot fill the memory. Thread-safe; plain Java on a {@link Clock}.
 */
public final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    static final int MAX_ADDRESSES = 10_000;

    private final Clock clock;
    private final Map<String, Failures> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long {@code address} must still wait before an attempt is checked; empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String address) {
        Failures failures = current(address);
        if (failures == null || failures.count < FREE_FAILURES) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), failures.last.plus(wait(failures.count)));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** Counts a failed attempt of {@code address}; returns how many it has made in a row. */
    public synchronized int failed(String address) {
        Failures failures = current(address);
        int count = failures == null ? 1 : failures.count + 1;
        byAddress.put(address, new Failures(count, clock.instant()));
        return count;
    }

    public synchronized void succeeded(String address) {
        byAddress.remove(address);
    }

    /** The wait after {@code count} failures in a row: none up to the free ones, then 1 s, 2 s, 4 s ... at most 5 min. */
    static Duration wait(int count) {
        if (count < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private Failures current(String address) {
        Failures failures = byAddress.get(address);
        if (failures != null && failures.last.plus(FORGET_AFTER).isBefore(clock.instant())) {
            byAddress.remove(address);
            return null;
        }
        return failures;
    }

    private record Failures(int count, Instant last) {
    }
}
