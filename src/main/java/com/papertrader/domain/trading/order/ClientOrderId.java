package com.papertrader.domain.trading.order;

import java.time.Instant;
import java.util.Objects;

/**
 * The idempotency key of an order, derived only from what produced it, so that re-running the same scan
 * (after a restart, a replay or a revised bar) yields the same id and the second order is refused.
 * Readable: {@code agent|TICKER|barTime|signalIndex}; bracket legs append {@code |SL} / {@code |TP};
 * the end-of-day flatten uses {@code |EOD} in place of the signal index.
 */
public record ClientOrderId(String value) {

    private static final String SEPARATOR = "|";

    public ClientOrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("client order id must not be blank");
        }
    }

    public static ClientOrderId forSignal(String agentId, String ticker, Instant barTime, int signalIndex) {
        if (signalIndex < 0) {
            throw new IllegalArgumentException("signal index must not be negative: " + signalIndex);
        }
        return new ClientOrderId(base(agentId, ticker, barTime) + SEPARATOR + signalIndex);
    }

    public static ClientOrderId forFlatten(String agentId, String ticker, Instant barTime) {
        return new ClientOrderId(base(agentId, ticker, barTime) + SEPARATOR + "EOD");
    }

    /** The id of a bracket leg of the order with this id. */
    public ClientOrderId forLeg(OrderRole role) {
        return switch (role) {
            case STOP_LOSS -> new ClientOrderId(value + SEPARATOR + "SL");
            case TAKE_PROFIT -> new ClientOrderId(value + SEPARATOR + "TP");
            default -> throw new IllegalArgumentException(role + " is not a bracket leg");
        };
    }

    private static String base(String agentId, String ticker, Instant barTime) {
        Objects.requireNonNull(barTime, "barTime");
        return part("agent id", agentId) + SEPARATOR + part("ticker", ticker) + SEPARATOR + barTime;
    }

    /** The separator may not appear inside a part, or two different orders could share an id. */
    private static String part(String name, String value) {
        if (value == null || value.isBlank() || value.contains(SEPARATOR)) {
            throw new IllegalArgumentException(name + " must be non-blank without '" + SEPARATOR + "': " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
