package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.RejectedBar;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The only place that knows Polygon's WebSocket messages: the two the client sends (auth, subscribe) and what a frame
 * from the server holds. Every frame is a JSON array of events: statuses ({@code {"ev":"status","status":..,"message":..}})
 * and minute aggregates ({@code "ev":"AM"}); other channels are ignored. A frame that is not a JSON array, and an event
 * that cannot be read, come back as rejected, named by ticker where there is one; the rest of the frame is kept.
 */
public final class PolygonStreamMessages {

    private static final int MAX_EXCERPT_LENGTH = 200;

    private final PolygonAggregatesTranslator aggregates = new PolygonAggregatesTranslator();

    /** One status event: {@code connected}, {@code auth_success}, {@code auth_failed}, {@code success}, {@code max_connections}... */
    public record Status(String status, String message) {
    }

    /** What one frame held, in order of arrival. */
    public record Frame(List<Status> statuses, List<Bar> minutes, List<RejectedBar> rejected) {
    }

    /** The first message after "connected"; the key travels only in it, and the message is never logged. */
    public static String auth(String key) {
        return Json.createObjectBuilder().add("action", "auth").add("params", key).build().toString();
    }

    /** Minute aggregates of each ticker ({@code AM.AAPL,AM.MSFT}). */
    public static String subscribe(List<String> tickers) {
        String channels = tickers.stream().map(ticker -> "AM." + ticker).collect(Collectors.joining(","));
        return Json.createObjectBuilder().add("action", "subscribe").add("params", channels).build().toString();
    }

    public Frame read(String text) {
        List<Status> statuses = new ArrayList<>();
        List<Bar> minutes = new ArrayList<>();
        List<RejectedBar> rejected = new ArrayList<>();
        JsonArray events = array(text);
        if (events == null) {
            rejected.add(new RejectedBar(null, null, "Polygon stream sent a message that is not a JSON array: " + excerpt(text)));
            return new Frame(statuses, minutes, rejected);
        }
        for (JsonValue value : events) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                rejected.add(new RejectedBar(null, null, "Polygon stream sent an event that is not an object: " + excerpt(value.toString())));
                continue;
            }
            JsonObject event = value.asJsonObject();
            switch (text(event, "ev")) {
                case "status" -> statuses.add(new Status(text(event, "status"), text(event, "message")));
                case "AM" -> aggregates.translateMinute(event, minutes, rejected);
                default -> {
                    // another channel (trades, quotes, second aggregates): not subscribed, not needed
                }
            }
        }
        return new Frame(statuses, minutes, rejected);
    }

    private static JsonArray array(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static String text(JsonObject json, String field) {
        return json.get(field) instanceof JsonString string ? string.getString() : "";
    }

    private static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_EXCERPT_LENGTH ? line.substring(0, MAX_EXCERPT_LENGTH) + "…" : line;
    }
}
