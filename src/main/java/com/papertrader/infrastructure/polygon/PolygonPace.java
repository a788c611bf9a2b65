package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import java.time.Duration;

/** Every Polygon call takes its turn in the call budget first: the feeds' one way to do so. */
final class PolygonPace {

    /** The longest a call waits for its turn in the per-second pace; a turn further away means the minute's budget is spent. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private PolygonPace() {
    }

    /** True once the call may go (counted); false at once when the minute's budget is spent or paused. */
    static boolean turn(CallBudget budget, String what) throws FeedException {
        try {
            return budget.acquire(LONGEST_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedException(Kind.TIMEOUT, "Interrupted while waiting for the call budget, not fetching " + what);
        }
    }
}
