package com.papertrader.domain.market;

import java.time.Duration;
import java.util.Optional;

/**
 * Bounded retries with exponential backoff for transient failures (5xx, timeouts) within one poll cycle.
 * After the last retry the ticker is given up for this cycle and fetched again in the next one.
 * Other failures are not retried: a wrong key or a rate limit does not heal in seconds.
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxRetries < 0 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("Retry policy needs retries >= 0 and 0 <= first backoff <= max backoff");
        }
    }

    /** 3 retries after 1 s, 2 s and 4 s. */
    public static RetryPolicy standard() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /**
     * How long to wait before trying again after this failure, or empty to give up for this cycle.
     *
     * @param failedAttempts attempts of this request that failed so far in this cycle, this one included (1 or more)
     */
    public Optional<Duration> backoffAfter(int failedAttempts, FeedException failure) {
        if (!failure.kind().isTransient() || failedAttempts > maxRetries) {
            return Optional.empty();
        }
        Duration backoff = firstBackoff;
        for (int i = 1; i < failedAttempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return Optional.of(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff);
    }
}
