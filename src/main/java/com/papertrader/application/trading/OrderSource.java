package com.papertrader.application.trading;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.portfolio.OpenPositions;

/** Where orders come from on each closed bar: the agents' scans (the scanner), or a test's script. */
public interface OrderSource {

    /**
     * @param tradable  false for a bar that only warms the agents' windows (backfill): scan nothing into orders
     * @param positions the accounts' open positions, as the broker holds them now
     */
    ScanOutcome ordersFor(Bar bar, boolean tradable, OpenPositions positions);

    /** A split of a ticker took effect: what the source holds of its bars goes on the new basis (the scanner's window). */
    default void split(Split split) {
        // a source that keeps no bars has nothing to adjust
    }
}
