package com.papertrader.domain.trading.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Order statuses and THE transition table; {@link Order} refuses any move not listed here.
 * NEW is where every order starts; bracket legs stay NEW (held) until their parent fills.
 * A partially filled order may fill partially again.
 */
public enum OrderStatus {
    NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED;

    private static final Map<OrderStatus, Set<OrderStatus>> TRANSITIONS = new EnumMap<>(OrderStatus.class);

    static {
        TRANSITIONS.put(NEW, EnumSet.of(ACCEPTED, REJECTED, CANCELED));
        TRANSITIONS.put(ACCEPTED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED));
        TRANSITIONS.put(PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED));
        for (OrderStatus terminal : EnumSet.of(FILLED, CANCELED, EXPIRED, REJECTED)) {
            TRANSITIONS.put(terminal, EnumSet.noneOf(OrderStatus.class));
        }
    }

    public boolean canMoveTo(OrderStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** True when nothing can happen to the order any more. */
    public boolean isTerminal() {
        return TRANSITIONS.get(this).isEmpty();
    }

    /** True when the order is live in the market and may fill. */
    public boolean isWorking() {
        return this == ACCEPTED || this == PARTIALLY_FILLED;
    }
}
