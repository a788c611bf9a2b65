package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.InvalidBarException;
import com.papertrader.domain.market.RejectedBar;
import com.papertrader.domain.market.Timeframe;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only place that knows Polygon's aggregates JSON: turns an answer into Bars (t = bar start, UTC ms; exact
 * decimals, so {@code 1.81724024e+08} and fractional volumes survive) and an error answer into a FeedException.
 * A bad bar is rejected with ticker, time and reason; the rest of the page is kept. The stream's minute aggregates
 * carry the same fields ({@link #translateMinute}).
 */
public final class PolygonAggregatesTranslator {

    /** DELAYED is what free and delayed plans send with perfectly good bars. */
    private static final Set<String> STATUSES_WITH_DATA = Set.of("OK", "DELAYED");
    private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int MAX_DETAIL_LENGTH = 200;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Translates a 200 answer. Absent, null and empty results all mean no bars. */
    public AggregatesPage page(String ticker, Timeframe timeframe, JsonObject body) throws FeedException {
        String status = text(body, "status");
        if (!STATUSES_WITH_DATA.contains(status)) {
            throw malformed(ticker, "status " + (status == null ? "missing" : status)
                    + detail(body).map(d -> " (" + d + ")").orElse(""));
        }
        String answeredTicker = text(body, "ticker");
        if (answeredTicker != null && !answeredTicker.equals(ticker)) {
            throw malformed(ticker, "bars of " + answeredTicker);
        }
        List<Bar> bars = new ArrayList<>();
        List<RejectedBar> rejected = new ArrayList<>();
        JsonValue results = body.get("results");
        if (results != null && results.getValueType() != JsonValue.ValueType.NULL) {
            if (results.getValueType() != JsonValue.ValueType.ARRAY) {
                throw malformed(ticker, "results is not an array");
            }
            JsonArray array = results.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                translateBar(ticker, timeframe, i, array.get(i), bars, rejected);
            }
        }
        JsonValue nextUrl = body.get("next_url");
        if (nextUrl != null && nextUrl.getValueType() != JsonValue.ValueType.NULL
                && nextUrl.getValueType() != JsonValue.ValueType.STRING) {
            throw malformed(ticker, "next_url is not a string");
        }
        return new AggregatesPage(new FetchedBars(bars, rejected), text(body, "next_url"));
    }

    /**
     * Translates an error answer ({status, request_id, error|message}, or an HTML page from a proxy) into the
     * failure the poller acts on, with a message naming the ticker and the problem.
     */
    public FeedException error(String ticker, int httpStatus, String body) {
        JsonObject json = parseLeniently(body);
        String detail = json != null ? detail(json).orElse(null) : htmlOrTextDetail(body);
        String statusAndDetail = detail == null || detail.startsWith(String.valueOf(httpStatus))
                ? (detail == null ? String.valueOf(httpStatus) : detail)
                : httpStatus + " " + detail;
        String requestId = json != null ? text(json, "request_id") : null;
        String suffix = " while fetching " + ticker + (requestId == null ? "" : " [request_id " + requestId + "]");
        Kind kind = kindOf(httpStatus, detail);
        String problem = switch (kind) {
            case UNAUTHORIZED -> "Polygon rejected the API key";
            case NOT_ENTITLED -> "Polygon plan does not cover this data";
            case RATE_LIMITED -> "Polygon rate limit reached";
            case BAD_REQUEST -> "Polygon refused the request";
            case SERVER_ERROR -> "Polygon server error";
            case TIMEOUT, MALFORMED -> "Polygon answered with unexpected HTTP status";
        };
        return new FeedException(kind, problem + " (" + statusAndDetail + ")" + suffix);
    }

    private static Kind kindOf(int httpStatus, String detail) {
        if (httpStatus == 401 || (httpStatus == 400 && detail != null && detail.contains("API Key"))) {
            return Kind.UNAUTHORIZED; // a missing key has been reported both as 401 and as 400
        }
        if (httpStatus == 403) {
            return Kind.NOT_ENTITLED;
        }
        if (httpStatus == 429) {
            return Kind.RATE_LIMITED;
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return Kind.BAD_REQUEST;
        }
        return httpStatus >= 500 && httpStatus < 600 ? Kind.SERVER_ERROR : Kind.MALFORMED;
    }

    private static void translateBar(String ticker, Timeframe timeframe, int index, JsonValue value,
                                     List<Bar> bars, List<RejectedBar> rejected) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            rejected.add(RejectedBar.because(ticker, null, "result #" + index + " is not an object: " + value));
            return;
        }
        translate(ticker, timeframe.length(), value.asJsonObject(), "t", "n", bars, rejected);
    }

    /**
     * Translates one minute-aggregate event of the WebSocket stream ({@code {"ev":"AM","sym":..,"s":start ms,...}}): the
     * same prices and volume as a REST bar, with the start in {@code s} and no trade count.
     */
    public void translateMinute(JsonObject event, List<Bar> bars, List<RejectedBar> rejected) {
        String ticker = text(event, "sym");
        if (ticker == null || ticker.isBlank()) {
            rejected.add(RejectedBar.because("(no sym)", null, "minute aggregate without a ticker: " + event));
            return;
        }
        translate(ticker, MINUTE, event, "s", null, bars, rejected);
    }

    /** One bar from its JSON: start in {@code startField} (UTC ms), trade count in {@code tradesField} (optional, or none). */
    private static void translate(String ticker, Duration span, JsonObject json, String startField, String tradesField,
                                  List<Bar> bars, List<RejectedBar> rejected) {
        Instant start = null;
        try {
            start = Instant.ofEpochMilli(wholeNumber(json, startField, true));
            Long trades = tradesField == null ? null : wholeNumber(json, tradesField, false);
            bars.add(new Bar(ticker, start, span,
                    number(json, "o", true), number(json, "h", true), number(json, "l", true), number(json, "c", true),
                    wholeScale(number(json, "v", true)), number(json, "vw", false), trades));
        } catch (BadField e) {
            rejected.add(RejectedBar.because(ticker, start, e.getMessage()));
        } catch (InvalidBarException e) {
            rejected.add(RejectedBar.because(e, ticker, start));
        }
    }

    /** A number field as an exact decimal; null when an optional field is absent or null. */
    private static BigDecimal number(JsonObject json, String field, boolean required) throws BadField {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new BadField(field + " is missing");
            }
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new BadField(field + " is not a number: " + value);
        }
        return ((JsonNumber) value).bigDecimalValue();
    }

    private static Long wholeNumber(JsonObject json, String field, boolean required) throws BadField {
        BigDecimal number = number(json, field, required);
        if (number == null) {
            return null;
        }
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new BadField(field + " is not a whole number: " + number.toPlainString());
        }
    }

    /** 1e+08 parses with a negative scale; store volumes as plain integers or decimals. */
    private static BigDecimal wholeScale(BigDecimal volume) {
        return volume.scale() < 0 ? volume.setScale(0) : volume;
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** Polygon puts the reason in "error" (401, 429, 400) or in "message" (403). */
    private static Optional<String> detail(JsonObject json) {
        String error = text(json, "error");
        return Optional.ofNullable(error != null ? error : text(json, "message"));
    }

    private static JsonObject parseLeniently(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    /** The title of an HTML error page, or the start of a plain-text body, on one line. */
    private static String htmlOrTextDetail(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        Matcher title = HTML_TITLE.matcher(body);
        String text = title.find() ? title.group(1) : body;
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > MAX_DETAIL_LENGTH ? text.substring(0, MAX_DETAIL_LENGTH) + "…" : text;
    }

    private static FeedException malformed(String ticker, String problem) {
        return new FeedException(Kind.MALFORMED, "Polygon sent an unexpected aggregates answer (" + problem + ") while fetching " + ticker);
    }

    /** A field of one bar that cannot be read; only ever caught in translateBar. */
    private static final class BadField extends Exception {
        BadField(String problem) {
            super(problem, null, false, false);
        }
    }
}
