package com.papertrader.domain.market;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one poll cycle went, for the status and the operator: the bar it fetched, how many tickers answered and bars
 * were stored, and where the time went. The step durations are wall time; the times after the bar's end are read on
 * the feed's clock (the wall clock on Polygon, the simulated market's own clock in a demo).
 *
 * @param bar                   the start of the bar the cycle was for
 * @param tickers               tickers that answered (with bars or a failure; a retried one counts once)
 * @param bars                  bars stored or revised
 * @param fetching              from the cycle's start to the last answer (waits for the call budget included)
 * @param storing               spent writing bars to the database
 * @param trading               spent scanning them and storing the orders they caused
 * @param firstTraded           from the bar's end to the first bars' orders stored (empty when nothing was stored)
 * @param lastTraded            from the bar's end to the last bars' orders stored
 * @param slowestTicker         the ticker whose call took longest (empty when none answered)
 * @param slowestCall           how long that call took
 */
public record PollCycle(Instant bar, int tickers, int bars, Duration fetching, Duration storing, Duration trading,
                        Optional<Duration> firstTraded, Optional<Duration> lastTraded, Optional<String> slowestTicker,
                        Duration slowestCall) {

    public PollCycle {
        Objects.requireNonNull(bar, "bar");
        Objects.requireNonNull(fetching, "fetching");
        Objects.requireNonNull(storing, "storing");
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(firstTraded, "firstTraded");
        Objects.requireNonNull(lastTraded, "lastTraded");
        Objects.requireNonNull(slowestTicker, "slowestTicker");
        Objects.requireNonNull(slowestCall, "slowestCall");
    }

    /** "fetching", "storing" or "trading": the step that took longest (the earlier one on a tie). */
    public String slowestStep() {
        String slowest = "fetching";
        Duration longest = fetching;
        if (storing.compareTo(longest) > 0) {
            slowest = "storing";
            longest = storing;
        }
        return trading.compareTo(longest) > 0 ? "trading" : slowest;
    }
}
