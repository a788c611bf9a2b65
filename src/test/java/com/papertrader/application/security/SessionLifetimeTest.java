package com.papertrader.application.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionLifetimeTest {

    private static final Instant LOGIN = Instant.parse("2026-12-04T09:00:00Z");

    @Test
    void aLoginEndsItsLifetimeAfterItWasMadeHoweverBusy() {
        SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12));

        assertTrue(lifetime.holds(LOGIN, LOGIN.plus(Duration.ofHours(12)).minusMillis(1)));
        assertFalse(lifetime.holds(LOGIN, LOGIN.plus(Duration.ofHours(12))));
    }

    @Test
    void logOutEverywhereEndsEveryLoginMadeUntilThenAndNoneAfter() {
        SessionLifetime lifetime = new SessionLifetime(Duration.ofHours(12));
        Instant ended = LOGIN.plus(Duration.ofMinutes(30));

        lifetime.endAll(ended);

        assertFalse(lifetime.holds(LOGIN, ended.plusSeconds(1)));
        assertFalse(lifetime.holds(ended, ended.plusSeconds(1)), "a login in the same instant was made before the click");
        assertTrue(lifetime.holds(ended.plusMillis(1), ended.plusSeconds(1)));
    }
}
