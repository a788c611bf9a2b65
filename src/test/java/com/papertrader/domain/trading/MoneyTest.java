package com.papertrader.domain.trading;

import static com.papertrader.domain.trading.TradingFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void cashIsRoundedHalfUpToTheCent() {
        assertEquals("1.01", Money.cash(d("1.005")).toPlainString());
        assertEquals("1.00", Money.cash(d("1.0049")).toPlainString());
        assertEquals("-1.01", Money.cash(d("-1.005")).toPlainString());
        assertEquals("7.00", Money.cash(d("7")).toPlainString());
    }

    @Test
    void pricesKeepFourDecimals() {
        assertEquals("123.5117", Money.price(d("123.511725")).toPlainString());
        assertEquals("0.0001", Money.price(d("0.00005")).toPlainString());
    }

    @Test
    void tradeValueIsPriceTimesSharesToTheCent() {
        assertEquals("45022.50", Money.value(d("150.0750"), 300).toPlainString());
        assertEquals("3.70", Money.value(d("0.1234"), 30).toPlainString()); // 3.702
    }

    @Test
    void basisPointsMoveAPriceEitherWay() {
        assertEquals("100.0500", Money.movePriceByBasisPoints(d("100"), d("5")).toPlainString());
        assertEquals("123.3883", Money.movePriceByBasisPoints(d("123.45"), d("-5")).toPlainString()); // 123.388275
    }

    @Test
    void percentHelpers() {
        assertEquals("98.0000", Money.movePrice(d("100"), d("-2")).toPlainString());
        assertEquals("10000.00", Money.percentOf(d("100000"), d("10")).toPlainString());
    }

    @Test
    void wholeSharesRoundDown() {
        assertEquals(66, Money.wholeShares(d("10000"), d("150")));
        assertEquals(0, Money.wholeShares(d("99.99"), d("100")));
    }

    @Test
    void averagesAndProportions() {
        assertEquals("10.3333", Money.averagePrice(d("10"), 100, d("11"), 50).toPlainString());
        assertEquals("333.33", Money.proportion(d("1000.00"), 1, 3).toPlainString());
    }
}
