package com.papertrader.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

/** How the JSON API builds its documents, and writes exact numbers: as strings, so no client reads money through a double. */
final class JsonValues {

    /**
     * Builders, values and readers for every JSON document of the API, from the provider looked up once. Not
     * {@code Json.createObjectBuilder()} and the like: each of those calls looks the provider up through the
     * ServiceLoader, which cost most of a 500-bar response's time (one per bar) and most of a live event's of thousands
     * of orders (one per order).
     */
    static final JsonProvider JSON = JsonProvider.provider();

    /** Writers for documents streamed as they are read (long lists). */
    static final JsonGeneratorFactory WRITER = JSON.createGeneratorFactory(Map.of());

    /** A member as text: a string's value, any other value as its JSON (a number, an object); null when absent or null. */
    static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    /** A list member as comma-separated text: {@code ["AAPL", "MSFT"]} or {@code "AAPL,MSFT"}. */
    static String commaSeparated(JsonObject json, String key) {
        JsonValue value = json.get(key);
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            return value.asJsonArray().stream().map(item -> item instanceof JsonString s ? s.getString() : item.toString())
                    .collect(Collectors.joining(","));
        }
        return text(json, key);
    }

    /** A ratio as a number; null when there is none. */
    static JsonValue number(Double value) {
        return value == null ? JsonValue.NULL : JSON.createValue(value);
    }

    /** A JSON object kept as text (an agent's parameters, a grid) as a member of a document. */
    static JsonObject object(String json) {
        return JSON.createReader(new StringReader(json)).readObject();
    }

    private static final int CENTS = 2;
    private static final int LONG_DIGITS = 18;
    private static final long YEAR_1000 = LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    private JsonValues() {
    }

    /**
     * {@code 187.25}, {@code 0.4512}, {@code 100.00}: plain digits, trailing zeros dropped down to the cents. Every
     * price, cash amount and bar goes through here (2,500 per page of bars), so a value of up to 18 digits is written
     * from its unscaled long rather than through BigDecimal's stripping and string building.
     */
    static String decimal(BigDecimal value) {
        if (value.scale() >= 0 && value.precision() <= LONG_DIGITS) {
            return plain(value.unscaledValue().longValue(), value.scale());
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < CENTS ? stripped.setScale(CENTS) : stripped).toPlainString();
    }

    private static String plain(long unscaled, int scale) {
        while (scale > CENTS && unscaled % 10 == 0) {
            unscaled /= 10;
            scale--;
        }
        StringBuilder digits = new StringBuilder(24).append(Math.abs(unscaled));
        for (; scale < CENTS; scale++) {
            digits.append('0');
        }
        while (digits.length() <= scale) {
            digits.insert(0, '0');
        }
        digits.insert(digits.length() - scale, '.');
        return unscaled < 0 ? digits.insert(0, '-').toString() : digits.toString();
    }

    /**
     * {@link Instant#toString()}'s ISO-8601 form ({@code 2026-11-24T14:30:00Z}), written directly for a whole second
     * of years 1000-9999: the formatter behind {@code toString} cost a seventh of a page of bars.
     */
    static String instant(Instant time) {
        long seconds = time.getEpochSecond();
        if (time.getNano() != 0 || seconds < YEAR_1000 || seconds >= YEAR_10000) {
            return time.toString();
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        char[] text = new char[20];
        digits(text, 0, utc.getYear(), 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = 'Z';
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--, value /= 10) {
            text[i] = (char) ('0' + value % 10);
        }
    }
}
