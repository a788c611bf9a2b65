package com.papertrader.domain.market;

import com.papertrader.domain.market.FeedStats.CallOutcome;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the feed is down: {@value #FAILURES_FOR_DOWN} calls in a row that got no usable answer (refused, timed out,
 * unreadable) take it down; the next answered call brings it back. A rate-limited call says nothing either way: the
 * feed answered, and the call budget waits. Thread-safe: the feed's calls may run side by side.
 */
public final class FeedHealth {

    static final int FAILURES_FOR_DOWN = 3;

    private int failuresInARow;
    private boolean down;
    private Instant downSince;

    /**
     * A change of the feed's health, for whoever tells people.
     *
     * @param downSince when it went down (the same as {@code at} when it just did)
     * @param outcome   the call that made the change: the last failure, or the first answer
     */
    public record Change(boolean down, Instant at, Instant downSince, CallOutcome outcome) {
    }

    /**
     * Notes how a call ended.
     *
     * @return the change this call made: down, or back
     */
    public synchronized Optional<Change> record(CallOutcome outcome, Instant at) {
        switch (outcome) {
            case ANSWERED -> {
                failuresInARow = 0;
                if (down) {
                    down = false;
                    return Optional.of(new Change(false, at, downSince, outcome));
                }
            }
            case RATE_LIMITED -> {
                // neither up nor down: the budget paces the next calls
            }
            default -> {
                failuresInARow++;
                if (!down && failuresInARow >= FAILURES_FOR_DOWN) {
                    down = true;
                    downSince = at;
                    return Optional.of(new Change(true, at, at, outcome));
                }
            }
        }
        return Optional.empty();
    }

    public synchronized boolean isDown() {
        return down;
    }
}
