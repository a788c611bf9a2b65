package com.papertrader.interfaces.rest;

import java.math.BigDecimal;

/** How the JSON API writes exact numbers: as strings, so no client reads money or prices through a double. */
final class JsonValues {

    private JsonValues() {
    }

    /** {@code 187.25}, {@code 0.4512}, {@code 100.00}: plain digits, trailing zeros dropped down to the cents. */
    static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
