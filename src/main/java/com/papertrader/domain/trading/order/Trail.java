package com.papertrader.domain.trading.order;

import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;

/**
 * How far a trailing stop follows the best price since the entry: by a percent of it or by an amount. Exactly one
 * is given.
 *
 * @param percent of the best price (above 0, below 100), or null
 * @param amount  in dollars per share (above 0), or null
 */
public record Trail(BigDecimal percent, BigDecimal amount) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SMALLEST_PRICE = BigDecimal.ONE.movePointLeft(Money.PRICE_SCALE);

    public Trail {
        if ((percent == null) == (amount == null)) {
            throw new IllegalArgumentException("a trailing stop trails by a percent or by an amount, exactly one of them");
        }
        if (percent != null && (percent.signum() <= 0 || percent.compareTo(HUNDRED) >= 0)) {
            throw new IllegalArgumentException("trailing stop percent must be above 0 and below 100, was " + percent.toPlainString());
        }
        if (amount != null && amount.signum() <= 0) {
            throw new IllegalArgumentException("trailing stop amount must be positive, was " + amount.toPlainString());
        }
        amount = amount == null ? null : Money.price(amount);
    }

    public static Trail percent(BigDecimal percent) {
        return new Trail(percent, null);
    }

    public static Trail amount(BigDecimal amount) {
        return new Trail(null, amount);
    }

    /**
     * The stop at this trail from {@code best}: below it for a sell stop (protecting a long), above it for a buy stop
     * (protecting a short); a sell stop never below the smallest price.
     */
    public BigDecimal stopFrom(BigDecimal best, boolean sellStop) {
        BigDecimal stop = percent != null
                ? Money.movePrice(best, sellStop ? percent.negate() : percent)
                : Money.price(sellStop ? best.subtract(amount) : best.add(amount));
        return stop.max(SMALLEST_PRICE);
    }

    /** The same trail on the share basis after {@code split}: an amount divided by the ratio, a percent unchanged. */
    public Trail afterSplit(Split split) {
        return amount == null ? this : amount(split.newPrice(amount));
    }

    public String describe() {
        return percent != null ? percent.stripTrailingZeros().toPlainString() + "%" : "$" + amount.toPlainString();
    }
}
