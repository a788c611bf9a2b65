package com.papertrader.domain.trading.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order's id, which is also its idempotency key: derived only from what produced it, so that re-running the same scan
 * (after a restart, a replay or a revised bar) yields the same id and the second order is refused.
 * Readable: {@code agent|TICKER|barTime|signalIndex}; bracket legs append {@code |SL} / {@code |TP};
 * the end-of-day flatten uses {@code |EOD} in place of the signal index.
 */
public record OrderId(String value) {

    private static final String SEPARATOR = "|";

    public OrderId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("order id must not be blank");
        }
    }

    /** The id if the text can be one (not blank): for looking up what a URL names. */
    public static Optional<OrderId> tryParse(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new OrderId(value));
    }

    public static OrderId forSignal(String agentId, String ticker, Instant barTime, int signalIndex) {
        if (signalIndex < 0) {
            throw new IllegalArgumentException("signal index must not be negative: " + signalIndex);
        }
        return new OrderId(base(agentId, ticker, barTime) + SEPARATOR + signalIndex);
    }

    public static OrderId forFlatten(String agentId, String ticker, Instant barTime) {
        return new OrderId(base(agentId, ticker, barTime) + SEPARATOR + "EOD");
    }

    /** A person's {@code attempt}-th close (from 1) of the position the agent opened, placed at {@code placedAt}. */
    public static OrderId forManualClose(String agentId, String ticker, Instant placedAt, int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
        return new OrderId(base(agentId, ticker, placedAt) + SEPARATOR + "MANUAL" + (attempt == 1 ? "" : attempt));
    }

    /** The id of a bracket leg of the order with this id. */
    public OrderId forLeg(OrderRole role) {
        return switch (role) {
            case STOP_LOSS -> new OrderId(value + SEPARATOR + "SL");
            case TAKE_PROFIT -> new OrderId(value + SEPARATOR + "TP");
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
