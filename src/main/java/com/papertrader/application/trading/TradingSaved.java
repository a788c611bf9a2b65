package com.papertrader.application.trading;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import java.util.List;

/**
 * A bar event's trading, saved: the orders it created or changed and the fills it made. Fired synchronously on the
 * trading desk's thread, so observers read the orders as saved, before the next bar can change them.
 */
public record TradingSaved(List<Order> orders, List<Fill> fills) {

    public static final TradingSaved NOTHING = new TradingSaved(List.of(), List.of());

    public TradingSaved {
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
    }

    public boolean isEmpty() {
        return orders.isEmpty() && fills.isEmpty();
    }
}
