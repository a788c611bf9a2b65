package com.papertrader.domain.market;

import java.time.Instant;

/** A bar that cannot be real; the message names the ticker and the bar start so the log line is actionable. */
public class InvalidBarException extends IllegalArgumentException {

    public InvalidBarException(String ticker, Instant start, String problem) {
        super("Invalid bar " + ticker + " @ " + start + ": " + problem);
    }
}
