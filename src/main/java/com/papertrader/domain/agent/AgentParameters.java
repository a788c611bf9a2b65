package com.papertrader.domain.agent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The small map of settings an agent's script reads as {@code ctx.params} (periods, thresholds, ...).
 * Values are JSON values in Java form: String, BigDecimal, Boolean, null, List and Map of those.
 * Stored as JSON text (JSON-P, which the application servers provide).
 */
public final class AgentParameters {

    /** Keeps parameters small: they are read on every scan and shown in the admin form. */
    public static final int MAX_JSON_LENGTH = 8192;

    private static final AgentParameters NONE = new AgentParameters(Map.of());

    private final Map<String, Object> values;
    /** Canonical JSON of the values: the stored form, and the basis of equality. */
    private final String json;

    private AgentParameters(Map<String, Object> values) {
        this.values = values;
        this.json = toJson(values, "").toString();
    }

    public static AgentParameters none() {
        return NONE;
    }

    /**
     * @throws IllegalArgumentException when the text is not a JSON object, or is longer than {@value #MAX_JSON_LENGTH} characters
     */
    public static AgentParameters fromJson(String json) {
        Objects.requireNonNull(json, "parameters JSON");
        if (json.isBlank()) {
            return NONE;
        }
        if (json.length() > MAX_JSON_LENGTH) {
            throw new IllegalArgumentException("agent parameters are " + json.length() + " characters of JSON; at most "
                    + MAX_JSON_LENGTH + " are allowed");
        }
        try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("agent parameters must be a JSON object like {\"period\": 20}, got "
                        + value.getValueType().name().toLowerCase());
            }
            return new AgentParameters(toJava(value.asJsonObject()));
        } catch (JsonException e) {
            throw new IllegalArgumentException("agent parameters are not valid JSON: " + e.getMessage(), e);
        }
    }

    /**
     * @param values JSON-like values: String, Number, Boolean, null, List and Map with String keys of those
     * @throws IllegalArgumentException naming the first value that JSON cannot hold
     */
    public static AgentParameters of(Map<String, ?> values) {
        Objects.requireNonNull(values, "parameters");
        return fromJson(toJson(values, "").toString());
    }

    /** The parameters, read-only, in insertion order. */
    public Map<String, Object> asMap() {
        return values;
    }

    public String toJson() {
        return json;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentParameters that && json.equals(that.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }

    private static Map<String, Object> toJava(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((key, value) -> map.put(key, toJava(value)));
        return Collections.unmodifiableMap(map);
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> toJava(value.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(element -> list.add(toJava(element)));
                yield Collections.unmodifiableList(list);
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static JsonValue toJson(Object value, String path) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return Json.PROVIDER.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof BigDecimal number) {
            return Json.PROVIDER.createValue(number);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Json.PROVIDER.createValue(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("agent parameter " + describe(path) + " is " + number + "; JSON numbers must be finite");
            }
            return Json.PROVIDER.createValue(BigDecimal.valueOf(number));
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder builder = Json.PROVIDER.createObjectBuilder();
            map.forEach((key, element) -> {
                if (!(key instanceof String name)) {
                    throw new IllegalArgumentException("agent parameter keys must be strings, got " + key + " in " + describe(path));
                }
                builder.add(name, toJson(element, path.isEmpty() ? name : path + "." + name));
            });
            return builder.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder builder = Json.PROVIDER.createArrayBuilder();
            for (int i = 0; i < list.size(); i++) {
                builder.add(toJson(list.get(i), path + "[" + i + "]"));
            }
            return builder.build();
        }
        throw new IllegalArgumentException("agent parameter " + describe(path) + " is a " + value.getClass().getSimpleName()
                + "; only strings, numbers, booleans, null, lists and maps are allowed");
    }

    private static String describe(String path) {
        return path.isEmpty() ? "map" : "'" + path + "'";
    }

    /** Looks the JSON-P provider up once: {@code Json.create*} would search for it on every call. */
    private static final class Json {
        static final JsonProvider PROVIDER = JsonProvider.provider();
    }
}
