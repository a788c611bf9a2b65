package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JpaChartBarsTest {

    /** What SQLite holds for a numeric(19,6) price is the double nearest the stored decimal; rounding gives it back. */
    @Test
    void aStoredPriceReadAsADoubleIsTheDecimalThatWasStored() {
        for (String price : new String[] {"187.25", "0.4512", "123456789.123456", "99999.999999", "106", "0.000001"}) {
            assertEquals(new BigDecimal(price).stripTrailingZeros(), JpaChartBars.decimal(Double.parseDouble(price)), price);
        }
        assertEquals(new BigDecimal("0.3"), JpaChartBars.decimal(0.1 + 0.2), "binary noise below the sixth decimal is dropped");
    }
}
