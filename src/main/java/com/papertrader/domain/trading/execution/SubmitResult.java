package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import java.util.List;

/** The outcome of {@link Broker#submit}: accepted, rejected (stored with its reason), or refused as a duplicate. */
public sealed interface SubmitResult {

    /** What to save; nothing for a duplicate. */
    BrokerChanges changes();

    /** Accepted; {@code bracketLegs} are held until the order fills. */
    record Accepted(Order order, List<Order> bracketLegs, BrokerChanges changes) implements SubmitResult {
        public Accepted {
            bracketLegs = List.copyOf(bracketLegs);
        }
    }

    /** Refused by a risk rule; the order is REJECTED and must be saved like any other (the audit trail). */
    record Rejected(Order order, String reason, BrokerChanges changes) implements SubmitResult {
    }

    /** An order with this client id exists already; nothing was created. */
    record Duplicate(OrderId orderId) implements SubmitResult {
        @Override
        public BrokerChanges changes() {
            return BrokerChanges.NONE;
        }
    }
}
