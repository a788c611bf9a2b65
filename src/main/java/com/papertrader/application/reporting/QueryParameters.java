package com.papertrader.application.reporting;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.WatchedTickers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the request parameters of the read pages and the JSON API, the same way for both: a blank value means
 * "not given", a bad one raises {@link InvalidQueryException} naming the parameter.
 */
final class QueryParameters {

    private final Function<String, String> source;

    QueryParameters(Function<String, String> source) {
        this.source = source;
    }

    String text(String name) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    String agentId(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return AgentId.of(value).value();
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name + ": " + e.getMessage());
        }
    }

    String ticker(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return WatchedTickers.of(value).tickers().get(0);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name + ": " + e.getMessage());
        }
    }

    LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name + ": '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(name + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new InvalidQueryException(name + ": '" + value + "' is not a whole number from " + min + " to " + max);
    }
}
