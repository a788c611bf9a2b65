package com.papertrader.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void decimalsKeepTheirDigitsDownToTheCent() {
        assertEquals("100.00", JsonValues.decimal(new BigDecimal("100.000000")));
        assertEquals("99000.00", JsonValues.decimal(new BigDecimal("99000")));
        assertEquals("1234.50", JsonValues.decimal(new BigDecimal("1234.5")));
        assertEquals("0.4512", JsonValues.decimal(new BigDecimal("0.451200")));
        assertEquals("-12.30", JsonValues.decimal(new BigDecimal("-12.3")));
    }
}
