package com.papertrader.application.notification;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: after {@code first}, then three times as long each time (10 s, 30 s, 90 s,
 * 4.5 min, ... by default), at most an hour apart, until {@code attempts} were made.
 */
public record DeliveryRetries(Duration first, int attempts) {

    private static final Duration LONGEST = Duration.ofHours(1);

    public DeliveryRetries {
        if (first.isNegative() || first.isZero() || attempts < 1) {
            throw new IllegalArgumentException("retries need a positive first delay and at least one attempt");
        }
    }

    /** @return the wait before the next attempt, or empty when {@code attemptsMade} is all there are */
    public Optional<Duration> after(int attemptsMade) {
        if (attemptsMade >= attempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < attemptsMade && wait.compareTo(LONGEST) < 0; i++) {
            wait = wait.multipliedBy(3);
        }
        return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }
}
