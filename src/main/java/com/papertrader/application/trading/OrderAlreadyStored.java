package com.papertrader.application.trading;

/**
 * A new order whose client order id is stored already: the database refused to insert it a second time. The order
 * is placed once; whoever made it again (another server, a bar traded twice) is behind the database.
 */
public class OrderAlreadyStored extends RuntimeException {

    public OrderAlreadyStored(String orderId) {
        super("Order " + orderId + " is stored already: an order is placed once under its client order id, so this one is refused");
    }
}
