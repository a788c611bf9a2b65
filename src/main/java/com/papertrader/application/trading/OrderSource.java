package com.papertrader.application.trading;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.portfolio.Position;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** Where orders come from on each closed bar: the agents' scans (the scanner), or a test's script. */
public interface OrderSource {

    /**
     * @param tradable  false for a bar that only warms the agents' windows (backfill): scan nothing into orders
     * @param positions the open position of an account in a ticker, as the broker sees it now
     */
    List<OrderRequest> ordersFor(Bar bar, boolean tradable, BiFunction<String, String, Optional<Position>> positions);
}
