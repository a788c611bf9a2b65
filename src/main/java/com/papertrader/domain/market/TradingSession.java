package com.papertrader.domain.market;

import java.time.Instant;
import java.time.LocalDate;

/** The regular trading session of one exchange day: [open, close). */
public record TradingSession(LocalDate date, Instant open, Instant close, boolean earlyClose) {

    public boolean contains(Instant instant) {
        return !instant.isBefore(open) && instant.isBefore(close);
    }
}
