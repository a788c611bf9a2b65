package com.papertrader.domain.trading.risk;

import java.time.Instant;
import java.util.Objects;

/**
 * An account stopped taking new entries, at the moment it happened (once per halt, not at every order it refuses):
 * its daily loss limit reached (until the next trading day) or its maximum drawdown (until an admin releases it).
 */
public record AccountHalt(String accountId, Kind kind, String reason, Instant at) {

    public enum Kind {
        DAILY_LOSS, DRAWDOWN
    }

    public AccountHalt {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
