package com.papertrader.domain.agent;

import java.math.BigDecimal;
import java.util.Objects;

/** The agent's open position in the scanned ticker, as the script sees it in {@code ctx.position}. */
public record OpenPosition(Side side, BigDecimal quantity, BigDecimal averagePrice) {

    public enum Side { LONG, SHORT }

    public OpenPosition {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("an open position has a positive quantity, got " + quantity.toPlainString());
        }
        if (averagePrice.signum() <= 0) {
            throw new IllegalArgumentException("an open position has a positive average price, got " + averagePrice.toPlainString());
        }
    }
}
