package com.papertrader.interfaces.web;

import com.papertrader.domain.trading.order.Order;
import java.util.List;
import java.util.Locale;

/**
 * An order as a row of the order tables (Orders, Overview, an agent's page), its values formatted. A JavaBean
 * on purpose: Thymeleaf reads a chain of bean properties ({@code ${o.created}}) through a cached getter, and
 * evaluates anything else, method calls included ({@code ${fmt.time(o.createdAt())}}), with OGNL, about three
 * times slower; a page of 50 orders is 700 such expressions.
 */
public final class OrderRow {

    private final Order order;

    public OrderRow(Order order) {
        this.order = order;
    }

    public static List<OrderRow> of(List<Order> orders) {
        return orders.stream().map(OrderRow::new).toList();
    }

    public String getId() {
        return order.id();
    }

    /** When the order was created, in market time. */
    public String getCreated() {
        return Pages.FORMATS.time(order.createdAt());
    }

    public String getAgentId() {
        return order.agentId();
    }

    public String getTicker() {
        return order.ticker();
    }

    public String getSide() {
        return order.side().label();
    }

    public String getType() {
        return order.type().name();
    }

    public long getQuantity() {
        return order.quantity();
    }

    public long getFilledQuantity() {
        return order.filledQuantity();
    }

    /** Empty until something is filled. */
    public String getAveragePrice() {
        return Pages.FORMATS.price(order.averageFillPrice());
    }

    public String getStatus() {
        return order.status().name();
    }

    /** The CSS class that colours the status. */
    public String getStatusClass() {
        return "order-status status-" + order.status().name().toLowerCase(Locale.ROOT);
    }

    public String getReason() {
        return order.reason();
    }
}
