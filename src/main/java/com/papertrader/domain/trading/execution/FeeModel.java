package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;

/**
 * Commission. Models answer for an order's cumulative filled quantity, so a minimum or a per-order fee is charged
 * once however many partial fills there are: each fill pays the difference to what the order has paid so far.
 */
@FunctionalInterface
public interface FeeModel {

    /** Total commission, to the cent, for an order that has filled {@code filledQuantity} shares (0 for none). */
    BigDecimal commissionFor(long filledQuantity);

    static FeeModel free() {
        return filledQuantity -> Money.ZERO;
    }
}
