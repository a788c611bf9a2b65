package com.papertrader.domain.trading.order;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Market, limit, stop, stop-limit and trailing stop (a stop whose price follows the best price since the entry;
 * its stop price is the current one), with the prices each one needs.
 */
public enum OrderType {
    MARKET(false, false), LIMIT(true, false), STOP(false, true), STOP_LIMIT(true, true), TRAILING_STOP(false, true);

    private final boolean needsLimit;
    private final boolean needsStop;

    OrderType(boolean needsLimit, boolean needsStop) {
        this.needsLimit = needsLimit;
        this.needsStop = needsStop;
    }

    /** Whether the type has a stop price that triggers it. */
    public boolean needsStop() {
        return needsStop;
    }

    /** What is wrong with these prices for this type, if anything. */
    public Optional<String> priceProblem(BigDecimal limitPrice, BigDecimal stopPrice) {
        if (needsLimit != (limitPrice != null)) {
            return Optional.of(needsLimit ? "a " + this + " order needs a limit price" : "a " + this + " order takes no limit price");
        }
        if (needsStop != (stopPrice != null)) {
            return Optional.of(needsStop ? "a " + this + " order needs a stop price" : "a " + this + " order takes no stop price");
        }
        if ((limitPrice != null && limitPrice.signum() <= 0) || (stopPrice != null && stopPrice.signum() <= 0)) {
            return Optional.of("prices must be positive");
        }
        return Optional.empty();
    }

    /**
     * The price an order of this type is expected to trade at, for sizing and buying power:
     * the limit when there is one, else the stop, else the reference (last close).
     */
    public BigDecimal expectedPrice(BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal referencePrice) {
        if (limitPrice != null) {
            return limitPrice;
        }
        return stopPrice != null ? stopPrice : referencePrice;
    }
}
