package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import com.papertrader.domain.market.Split;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only place that knows the JSON of Polygon's {@code /stocks/v1/splits} and {@code /stocks/v1/dividends}: a page
 * becomes splits or cash dividends of the tickers asked for, and the cursor of the next page. A record that cannot be
 * used (a ratio that is not a split, a dividend not in USD, a ticker not asked for, a missing field) is rejected with
 * the ticker and the reason; the rest of the page is kept.
 */
final class PolygonCorporateActionsTranslator {

    /** One page: the actions, the records left out, and the next page's cursor when there is one. */
    record Page(List<CorporateAction> actions, List<String> rejected, Optional<String> nextCursor) {
    }

    Page splits(JsonObject body, Set<String> tickers) throws FeedException {
        return page(body, "splits", tickers, record -> new Split(text(record, "ticker"), date(record, "execution_date"),
                number(record, "split_from"), number(record, "split_to"), optionalText(record, "id")));
    }

    Page dividends(JsonObject body, Set<String> tickers) throws FeedException {
        return page(body, "dividends", tickers, record -> new CashDividend(text(record, "ticker"), date(record, "ex_dividend_date"),
                optionalDate(record, "pay_date"), number(record, "cash_amount"), optionalText(record, "currency"),
                optionalText(record, "id")));
    }

    private static Page page(JsonObject body, String what, Set<String> tickers, Reader reader) throws FeedException {
        if (!"OK".equals(optionalText(body, "status"))) {
            throw new FeedException(Kind.MALFORMED, "Polygon answered status " + optionalText(body, "status") + " while fetching " + what);
        }
        JsonValue results = body.get("results");
        if (results == null || results.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new FeedException(Kind.MALFORMED, "Polygon's " + what + " answer has no results array");
        }
        List<CorporateAction> actions = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (JsonValue value : results.asJsonArray()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                rejected.add(what + ": a record that is not an object");
                continue;
            }
            JsonObject record = value.asJsonObject();
            String ticker = optionalText(record, "ticker");
            try {
                if (ticker == null || !tickers.contains(ticker)) {
                    throw new IllegalArgumentException("not a followed ticker");
                }
                actions.add(reader.read(record));
            } catch (IllegalArgumentException | DateTimeParseException | ClassCastException e) {
                rejected.add(what + " of " + ticker + ": " + e.getMessage() + " (skipped)");
            }
        }
        return new Page(actions, rejected, cursor(optionalText(body, "next_url"), what));
    }

    /** The cursor of next_url: only it is sent on, to the configured host (the key never goes to a host an answer names). */
    private static Optional<String> cursor(String nextUrl, String what) throws FeedException {
        if (nextUrl == null) {
            return Optional.empty();
        }
        try {
            String query = new URI(nextUrl).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                if (pair.startsWith("cursor=")) {
                    return Optional.of(URLDecoder.decode(pair.substring("cursor=".length()), StandardCharsets.UTF_8));
                }
            }
        } catch (URISyntaxException e) {
            // the message below
        }
        throw new FeedException(Kind.MALFORMED, "Polygon sent a next_url without a cursor (" + nextUrl + ") while fetching " + what);
    }

    private static String text(JsonObject record, String field) {
        String value = optionalText(record, field);
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String optionalText(JsonObject record, String field) {
        JsonValue value = record.get(field);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static LocalDate date(JsonObject record, String field) {
        return LocalDate.parse(text(record, field));
    }

    private static LocalDate optionalDate(JsonObject record, String field) {
        String value = optionalText(record, field);
        return value == null ? null : LocalDate.parse(value);
    }

    private static BigDecimal number(JsonObject record, String field) {
        JsonValue value = record.get(field);
        if (!(value instanceof JsonNumber number)) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return number.bigDecimalValue();
    }

    @FunctionalInterface
    private interface Reader {
        CorporateAction read(JsonObject record);
    }
}
