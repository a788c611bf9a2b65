package com.papertrader.domain.trading.portfolio;

import com.papertrader.domain.trading.order.OrderSide;

public enum PositionSide {
    LONG, SHORT;

    /** The position an order side concerns: BUY and SELL a long one, SELL_SHORT and BUY_TO_COVER a short one. */
    public static PositionSide of(OrderSide side) {
        return side.isLong() ? LONG : SHORT;
    }

    /** The side of an order that closes this position. */
    public OrderSide closingSide() {
        return this == LONG ? OrderSide.SELL : OrderSide.BUY_TO_COVER;
    }
}
