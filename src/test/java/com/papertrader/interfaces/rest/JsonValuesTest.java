package com.papertrader.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void decimalsKeepTheirDigitsDownToTheCent() {
        assertEquals("100.00", JsonValues.decimal(new BigDecimal("100.000000")));
        assertEquals("99000.00", JsonValues.decimal(new BigDecimal("99000")));
        assertEquals("1234.50", JsonValues.decimal(new BigDecimal("1234.5")));
        assertEquals("0.4512", JsonValues.decimal(new BigDecimal("0.451200")));
        assertEquals("-12.30", JsonValues.decimal(new BigDecimal("-12.3")));
        assertEquals("0.000005", JsonValues.decimal(new BigDecimal("0.000005")));
        assertEquals("-0.04", JsonValues.decimal(new BigDecimal("-0.040000")));
        assertEquals("0.00", JsonValues.decimal(new BigDecimal("0.000000")));
        assertEquals("1000.00", JsonValues.decimal(new BigDecimal("1E+3")));
        assertEquals("12345678901234567890.123", JsonValues.decimal(new BigDecimal("12345678901234567890.1230")));
    }

    /** The long path writes what BigDecimal's own stripping and toPlainString write, for every scale and sign. */
    @Test
    void theFastPathWritesWhatBigDecimalWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 300_000; i++) {
            long unscaled = switch (i % 3) {
                case 0 -> random.nextLong() / (1L << random.nextInt(63));
                case 1 -> random.nextInt(2_000_001) - 1_000_000;
                default -> (random.nextInt(20_001) - 10_000) * 10_000L;
            };
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(13));
            BigDecimal stripped = value.stripTrailingZeros();
            String expected = (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
            assertEquals(expected, JsonValues.decimal(value), value.toString());
        }
    }

    @Test
    void instantsAreWrittenAsInstantWritesThem() {
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            Instant time = Instant.ofEpochSecond(random.nextLong(-40_000_000_000L, 260_000_000_000L), i % 4 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertEquals(time.toString(), JsonValues.instant(time));
        }
        assertEquals("2026-11-24T14:30:00Z", JsonValues.instant(Instant.parse("2026-11-24T14:30:00Z")));
        assertEquals("0999-12-31T23:59:59Z", JsonValues.instant(Instant.parse("0999-12-31T23:59:59Z")));
        assertEquals("+10000-01-01T00:00:00Z", JsonValues.instant(Instant.parse("+10000-01-01T00:00:00Z")));
    }
}
