package com.papertrader.application.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which browser logins still hold: one made within the lifetime, and after the last "log out everywhere". (The idle
 * timeout is the servlet container's: the session's max inactive interval.)
 */
public final class SessionLifetime {

    private final Duration lifetime;
    private volatile Instant allEndedAt = Instant.MIN;

    public SessionLifetime(Duration lifetime) {
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
    }

    public boolean holds(Instant loggedInAt, Instant now) {
        return loggedInAt.isAfter(allEndedAt) && now.isBefore(loggedInAt.plus(lifetime));
    }

    /** Ends every login made up to {@code at}: each must log in again. */
    public void endAll(Instant at) {
        allEndedAt = at;
    }
}
