package com.papertrader.application.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryRetriesTest {

    @Test
    void eachWaitIsThreeTimesTheOneBeforeUntilTheAttemptsAreMade() {
        DeliveryRetries retries = new DeliveryRetries(Duration.ofSeconds(10), 6);
        assertEquals(Optional.of(Duration.ofSeconds(10)), retries.after(1));
        assertEquals(Optional.of(Duration.ofSeconds(30)), retries.after(2));
        assertEquals(Optional.of(Duration.ofSeconds(90)), retries.after(3));
        assertEquals(Optional.of(Duration.ofSeconds(270)), retries.after(4));
        assertEquals(Optional.of(Duration.ofSeconds(810)), retries.after(5));
        assertEquals(Optional.empty(), retries.after(6), "six attempts made: given up");
    }

    @Test
    void noWaitIsLongerThanAnHour() {
        DeliveryRetries retries = new DeliveryRetries(Duration.ofMinutes(30), 100);
        assertEquals(Optional.of(Duration.ofHours(1)), retries.after(2));
        assertEquals(Optional.of(Duration.ofHours(1)), retries.after(99));
    }

    @Test
    void retriesNeedAPositiveDelayAndAnAttempt() {
        assertThrows(IllegalArgumentException.class, () -> new DeliveryRetries(Duration.ZERO, 3));
        assertThrows(IllegalArgumentException.class, () -> new DeliveryRetries(Duration.ofSeconds(1), 0));
    }
}
