package com.papertrader.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Waits for a condition of a running server by reading it again and again, never for a fixed time: the first reading
 * that is ready ends the wait, so a fast server makes a fast test and a slow one only uses more of the deadline.
 */
public final class Await {

    /** Between two readings: often enough not to lengthen a test, seldom enough not to load the server. */
    private static final Duration POLL = Duration.ofMillis(200);

    /** One reading of the condition's subject (a status, a row). */
    @FunctionalInterface
    public interface Reading<T> {
        T read() throws Exception;
    }

    private Await() {
    }

    /** The first reading that is {@code ready}, or the last one when {@code within} ran out: the caller asserts on it. */
    public static <T> T until(Reading<T> reading, Predicate<T> ready, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        T value = reading.read();
        while (!ready.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(POLL.toMillis());
            value = reading.read();
        }
        return value;
    }
}
