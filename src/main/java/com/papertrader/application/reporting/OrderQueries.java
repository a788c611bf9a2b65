package com.papertrader.application.reporting;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.order.OrderStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of orders and fills, for the pages, the JSON API and the CSV export: newest first, paged. */
public interface OrderQueries {

    /** One order with its event history (oldest first) and its fills. */
    record OrderDetail(Order order, List<Fill> fills) {
    }

    Page<Order> orders(OrderFilter filter, PageRequest page);

    Page<Fill> fills(OrderFilter filter, PageRequest page);

    Optional<OrderDetail> order(OrderId id);

    /** The newest {@code count} orders, for the Overview. */
    default List<Order> latestOrders(int count) {
        return orders(OrderFilter.NONE, PageRequest.first(count)).items();
    }

    /** The newest {@code count} fills, for the Overview. */
    default List<Fill> latestFills(int count) {
        return fills(OrderFilter.NONE, PageRequest.first(count)).items();
    }

    /** How many orders the database holds in each status (a status without any is left out), for the metrics. */
    Map<OrderStatus, Long> countsByStatus();

    /** How many fills the database holds, for the metrics. */
    long fillCount();
}
