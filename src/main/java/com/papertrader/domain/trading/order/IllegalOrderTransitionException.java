package com.papertrader.domain.trading.order;

/** A status move the transition table does not allow. */
public class IllegalOrderTransitionException extends IllegalStateException {

    public IllegalOrderTransitionException(String orderId, OrderStatus from, OrderStatus to) {
        super("Order " + orderId + " cannot move from " + from + " to " + to);
    }
}
