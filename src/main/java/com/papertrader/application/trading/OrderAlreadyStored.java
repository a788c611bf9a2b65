package com.papertrader.application.trading;

import java.util.List;

/**
 * A new order whose client order id is stored already: the database refused to insert it a second time. The order
 * is placed once; whoever made it again (another server, a bar traded twice) is behind the database.
 */
public class OrderAlreadyStored extends RuntimeException {

    /** Orders named in the message at most: a batch holds hundreds. */
    private static final int NAMED = 3;

    /** @param batch the orders inserted together, one of which the database refused */
    public OrderAlreadyStored(List<String> batch) {
        super(batch.size() == 1
                ? "Order " + batch.get(0) + " is stored already: an order is placed once under its client order id, so it is refused"
                : "One of " + batch.size() + " orders inserted together (" + String.join(", ", batch.subList(0, Math.min(NAMED, batch.size())))
                        + (batch.size() > NAMED ? ", ..." : "") + ") is stored already: an order is placed once under its client order id,"
                        + " so they are refused");
    }
}
