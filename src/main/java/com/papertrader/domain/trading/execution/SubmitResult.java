package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.risk.RiskDenial;
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

    /**
     * Refused by a risk rule; the order is REJECTED. Its {@code changes} hold the order with its events and any account
     * the checks changed (a daily-loss halt, a drawdown lock), which must be saved even if the order is not kept.
     */
    record Rejected(Order order, RiskDenial denial, BrokerChanges changes) implements SubmitResult {

        public String reason() {
            return denial.reason();
        }
    }

    /** An order with this client id exists already; nothing was created. */
    record Duplicate(OrderId orderId) implements SubmitResult {
        @Override
        public BrokerChanges changes() {
            return BrokerChanges.NONE;
        }
    }
}
