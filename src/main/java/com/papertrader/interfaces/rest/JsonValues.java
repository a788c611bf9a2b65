package com.papertrader.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.stream.JsonGeneratorFactory;
import java.math.BigDecimal;
import java.util.Map;

/** How the JSON API builds its documents, and writes exact numbers: as strings, so no client reads money through a double. */
final class JsonValues {

    /**
     * Builders for every JSON document of the API. Not {@code Json.createObjectBuilder()}: each of those calls looks
     * the provider up through the ServiceLoader, which cost most of a 500-bar response's time (one per bar).
     */
    static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    /** Writers for documents streamed as they are read (long lists), looked up once for the same reason. */
    static final JsonGeneratorFactory WRITER = Json.createGeneratorFactory(Map.of());

    private JsonValues() {
    }

    /** {@code 187.25}, {@code 0.4512}, {@code 100.00}: plain digits, trailing zeros dropped down to the cents. */
    static String decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
