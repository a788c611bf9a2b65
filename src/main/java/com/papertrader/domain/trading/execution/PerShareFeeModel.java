package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** A rate per share with a minimum per order (e.g. 0.005 per share, at least 1.00). */
public final class PerShareFeeModel implements FeeModel {

    private final BigDecimal perShare;
    private final BigDecimal minimum;

    public PerShareFeeModel(BigDecimal perShare, BigDecimal minimum) {
        if (Objects.requireNonNull(perShare, "perShare").signum() < 0 || Objects.requireNonNull(minimum, "minimum").signum() < 0) {
            throw new IllegalArgumentException("commission rate and minimum must not be negative");
        }
        this.perShare = perShare;
        this.minimum = minimum;
    }

    @Override
    public BigDecimal commissionFor(long filledQuantity) {
        if (filledQuantity == 0) {
            return Money.ZERO;
        }
        return Money.cash(perShare.multiply(BigDecimal.valueOf(filledQuantity)).max(minimum));
    }
}
