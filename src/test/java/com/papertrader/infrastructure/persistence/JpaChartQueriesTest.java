package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JpaChartQueriesTest {

    /** What SQLite holds for a numeric(19,6) price is the double nearest the stored decimal; rounding gives it back. */
    @Test
    void aStoredPriceReadAsADoubleIsTheDecimalThatWasStored() {
        for (String price : new String[] {"187.25", "0.4512", "123456789.123456", "99999.999999", "106", "0.000001"}) {
            assertEquals(new BigDecimal(price).setScale(6), JpaChartQueries.decimal(Double.parseDouble(price)), price);
        }
        assertEquals(new BigDecimal("0.300000"), JpaChartQueries.decimal(0.1 + 0.2), "binary noise below the sixth decimal is dropped");
        assertEquals(new BigDecimal("-12.5"), JpaChartQueries.decimal(-12.5).stripTrailingZeros());
        assertEquals(new BigDecimal("1234567890123.5"), JpaChartQueries.decimal(1234567890123.5).stripTrailingZeros(),
                "a volume too large for the millionths shortcut takes the decimal text path");
    }

    /** Every decimal of up to 15 significant digits with at most 6 decimals comes back exactly, near the limit too. */
    @Test
    void everyStorablePriceComesBackExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long millionths = i % 2 == 0 ? random.nextLong(1_000_000_000_000_000L) : random.nextLong(100_000_000L);
            BigDecimal price = BigDecimal.valueOf(millionths, 6);
            assertEquals(price, JpaChartQueries.decimal(price.doubleValue()), price.toPlainString());
        }
    }
}
