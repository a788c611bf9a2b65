package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** A flat fee per order, charged on its first fill. */
public final class PerOrderFeeModel implements FeeModel {

    private final BigDecimal perOrder;

    public PerOrderFeeModel(BigDecimal perOrder) {
        if (Objects.requireNonNull(perOrder, "perOrder").signum() < 0) {
            throw new IllegalArgumentException("commission must not be negative, was " + perOrder);
        }
        this.perOrder = Money.cash(perOrder);
    }

    @Override
    public BigDecimal commissionFor(long filledQuantity) {
        return filledQuantity == 0 ? Money.ZERO : perOrder;
    }
}
