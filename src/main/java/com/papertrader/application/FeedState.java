package com.papertrader.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * What the bar poller last saw of its feed, for the status page: whether it runs, whether the last call got an
 * answer, when it last polled and the last error (already free of secrets).
 */
@ApplicationScoped
public class FeedState {

    private volatile boolean running;
    private volatile boolean connected;
    private volatile Instant lastPollAt;
    private volatile String lastError;

    public void started() {
        running = true;
    }

    public void stopped() {
        running = false;
    }

    public void polled(Instant at) {
        lastPollAt = at;
        connected = true;
        lastError = null;
    }

    public void failed(Instant at, String error) {
        lastPollAt = at;
        connected = false;
        lastError = error;
    }

    public boolean running() {
        return running;
    }

    public boolean connected() {
        return connected;
    }

    public Optional<Instant> lastPollAt() {
        return Optional.ofNullable(lastPollAt);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
