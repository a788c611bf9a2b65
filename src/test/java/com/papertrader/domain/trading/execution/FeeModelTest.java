package com.papertrader.domain.trading.execution;

import static com.papertrader.domain.trading.TradingFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeeModelTest {

    private final FeeModel perShare = new PerShareFeeModel(d("0.005"), d("1.00"));

    @Test
    void perShareWithAMinimum() {
        assertEquals("0.00", perShare.commissionFor(0).toPlainString());
        assertEquals("1.00", perShare.commissionFor(100).toPlainString());  // 0.50, lifted to the minimum
        assertEquals("1.50", perShare.commissionFor(300).toPlainString());
        assertEquals("1.67", perShare.commissionFor(333).toPlainString());  // 1.665 rounds half up
    }

    @Test
    void theMinimumIsChargedOncePerOrderAcrossPartialFills() {
        // an order filling 100 then 100 then 300: cumulative 1.00, 1.00, 2.50
        long[] fills = {100, 100, 300};
        String[] charged = {"1.00", "0.00", "1.50"};
        long filled = 0;
        for (int i = 0; i < fills.length; i++) {
            String charge = perShare.commissionFor(filled + fills[i]).subtract(perShare.commissionFor(filled)).toPlainString();
            assertEquals(charged[i], charge, "fill " + (i + 1));
            filled += fills[i];
        }
    }

    @Test
    void perOrderIsChargedOnTheFirstFill() {
        FeeModel perOrder = new PerOrderFeeModel(d("4.95"));
        assertEquals("0.00", perOrder.commissionFor(0).toPlainString());
        assertEquals("4.95", perOrder.commissionFor(1).toPlainString());
        assertEquals("4.95", perOrder.commissionFor(10_000).toPlainString());
    }

    @Test
    void refusesNegativeRates() {
        assertThrows(IllegalArgumentException.class, () -> new PerShareFeeModel(d("-0.01"), d("1")));
        assertThrows(IllegalArgumentException.class, () -> new PerOrderFeeModel(d("-1")));
    }
}
