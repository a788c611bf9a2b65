package com.papertrader.interfaces.web;

import com.papertrader.domain.trading.order.Fill;
import java.util.List;

/** A fill as a row of the fill tables, its values formatted; a JavaBean for the reason {@link OrderRow} gives. */
public final class FillRow {

    private final Fill fill;

    public FillRow(Fill fill) {
        this.fill = fill;
    }

    public static List<FillRow> of(List<Fill> fills) {
        return fills.stream().map(FillRow::new).toList();
    }

    public String getId() {
        return fill.id();
    }

    public String getOrderId() {
        return fill.orderId();
    }

    /** When it filled, in market time. */
    public String getFilled() {
        return Pages.FORMATS.time(fill.filledAt());
    }

    public String getAgentId() {
        return fill.agentId();
    }

    public String getTicker() {
        return fill.ticker();
    }

    public String getSide() {
        return fill.side().label();
    }

    public long getQuantity() {
        return fill.quantity();
    }

    public String getPrice() {
        return Pages.FORMATS.price(fill.price());
    }
}
