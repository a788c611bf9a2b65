package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;

/**
 * What the fill model makes of one order on one bar.
 *
 * @param triggers true when the bar touched the order's stop (stop and stop-limit orders)
 * @param price    the fill price, slippage included; null when the order does not fill on this bar
 */
public record FillDecision(boolean triggers, BigDecimal price) {

    public static final FillDecision NONE = new FillDecision(false, null);

    public FillDecision {
        price = price == null ? null : Money.price(price);
    }

    public static FillDecision fillAt(BigDecimal price) {
        return new FillDecision(false, price);
    }

    public boolean fills() {
        return price != null;
    }
}
