package com.papertrader.domain.market;

import java.time.Instant;

/**
 * A bar a feed could not accept, ready to be logged.
 *
 * @param ticker the ticker, or null when the input did not say
 * @param start  the bar start, or null when the input did not say
 * @param reason what was wrong, naming the ticker and time when they are known
 */
public record RejectedBar(String ticker, Instant start, String reason) {

    public static RejectedBar because(InvalidBarException invalid, String ticker, Instant start) {
        return new RejectedBar(ticker, start, invalid.getMessage());
    }

    /** The same wording as {@link InvalidBarException}, also for problems found before a Bar could be built. */
    public static RejectedBar because(String ticker, Instant start, String problem) {
        String reason = start == null
                ? "Invalid bar " + ticker + " at an unknown time: " + problem
                : new InvalidBarException(ticker, start, problem).getMessage();
        return new RejectedBar(ticker, start, reason);
    }
}
