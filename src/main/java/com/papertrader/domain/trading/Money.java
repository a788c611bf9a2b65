package com.papertrader.domain.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where money and prices get their scale and rounding.
 * Cash amounts (cash, cost basis, P&L, commissions, trade values) are kept to the cent; prices to 1/10000
 * (sub-penny quotes exist below $1 and averages need the extra digits). Rounding is HALF_UP everywhere.
 * Share quantities are whole numbers ({@code long}).
 */
public final class Money {

    public static final int CASH_SCALE = 2;
    public static final int PRICE_SCALE = 4;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(CASH_SCALE, ROUNDING);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal cash(BigDecimal amount) {
        return amount.setScale(CASH_SCALE, ROUNDING);
    }

    public static BigDecimal price(BigDecimal price) {
        return price.setScale(PRICE_SCALE, ROUNDING);
    }

    /** The cash value of {@code quantity} shares at {@code price}. */
    public static BigDecimal value(BigDecimal price, long quantity) {
        return cash(price.multiply(BigDecimal.valueOf(quantity)));
    }

    /** {@code percent} percent of {@code amount}, to the cent. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return cash(amount.multiply(percent).divide(HUNDRED));
    }

    /** A price moved by {@code percent} percent (negative moves it down), e.g. a stop 2% below an entry. */
    public static BigDecimal movePrice(BigDecimal price, BigDecimal percent) {
        return price(price.multiply(HUNDRED.add(percent)).divide(HUNDRED));
    }

    /** A price moved by {@code basisPoints} (negative moves it down), for slippage. */
    public static BigDecimal movePriceByBasisPoints(BigDecimal price, BigDecimal basisPoints) {
        return price(price.add(price.multiply(basisPoints).movePointLeft(4)));
    }

    /** How many whole shares {@code amount} buys at {@code price} (rounded down). */
    public static long wholeShares(BigDecimal amount, BigDecimal price) {
        return amount.divide(price, 0, RoundingMode.DOWN).longValueExact();
    }

    /** The volume-weighted average of two prices. */
    public static BigDecimal averagePrice(BigDecimal price1, long quantity1, BigDecimal price2, long quantity2) {
        BigDecimal total = price1.multiply(BigDecimal.valueOf(quantity1)).add(price2.multiply(BigDecimal.valueOf(quantity2)));
        return total.divide(BigDecimal.valueOf(quantity1 + quantity2), PRICE_SCALE, ROUNDING);
    }

    /** The share {@code part / whole} of a cash amount, to the cent (e.g. the cost basis of shares sold). */
    public static BigDecimal proportion(BigDecimal amount, long part, long whole) {
        return amount.multiply(BigDecimal.valueOf(part)).divide(BigDecimal.valueOf(whole), CASH_SCALE, ROUNDING);
    }
}
