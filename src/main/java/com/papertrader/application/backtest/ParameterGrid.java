package com.papertrader.application.backtest;

import com.papertrader.domain.agent.AgentParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values a parameter sweep tries for each of an agent's parameters, written as a JSON object: per key a list of
 * values ({@code [10, 20, 50]}), a range ({@code {"from": 5, "to": 20, "step": 5}}, both ends included, exact decimal
 * steps) or one value. The combinations are every value of each key with every value of the others, first key
 * slowest; at most {@link #MAX_COMBINATIONS} of them, checked before any is made.
 */
public final class ParameterGrid {

    public static final int MAX_COMBINATIONS = 1000;

    private final Map<String, List<Object>> values;

    private ParameterGrid(Map<String, List<Object>> values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException naming the key whose values are not understood, or the grid's size over the cap */
    public static ParameterGrid parse(String json) {
        Map<String, Object> keys;
        try {
            keys = AgentParameters.fromJson(json == null ? "" : json).asMap();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid: " + e.getMessage().replace("agent parameters", "the grid"), e);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("grid: give at least one parameter and its values, like {\"period\": [10, 20, 50]}");
        }
        BigInteger combinations = BigInteger.ONE;
        for (Map.Entry<String, Object> key : keys.entrySet()) {
            combinations = combinations.multiply(count(key.getKey(), key.getValue()));
        }
        if (combinations.compareTo(BigInteger.valueOf(MAX_COMBINATIONS)) > 0) {
            throw new IllegalArgumentException(String.format("grid: %,d combinations; at most %,d run in one sweep: give fewer values"
                    + " or larger steps", combinations, MAX_COMBINATIONS));
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        keys.forEach((key, spec) -> values.put(key, expand(spec)));
        return new ParameterGrid(values);
    }

    /** The keys, in the order given. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** The values tried for a key, in the order given. */
    public List<Object> values(String key) {
        return values.get(key);
    }

    /** The keys that take more than one value: the ones a heatmap can show. */
    public List<String> varying() {
        return values.entrySet().stream().filter(entry -> entry.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    public int size() {
        return values.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
    }

    /** Every combination, first key slowest: combination {@code i} of a sweep is always the same. */
    public List<Map<String, Object>> combinations() {
        List<Map<String, Object>> combinations = new ArrayList<>(List.of(Map.of()));
        for (Map.Entry<String, List<Object>> key : values.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : key.getValue()) {
                    Map<String, Object> combination = new LinkedHashMap<>(partial);
                    combination.put(key.getKey(), value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** The agent's parameters with a combination's values in place of (or beside) its own. */
    public static AgentParameters overlay(AgentParameters parameters, Map<String, Object> combination) {
        Map<String, Object> merged = new LinkedHashMap<>(parameters.asMap());
        merged.putAll(combination);
        return AgentParameters.of(merged);
    }

    /** The grid as canonical JSON, each key's values as a list. */
    public String toJson() {
        return AgentParameters.of(values).toJson();
    }

    private static BigInteger count(String key, Object spec) {
        if (spec instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("grid: " + key + ": the list of values is empty");
            }
            return BigInteger.valueOf(list.size());
        }
        if (spec instanceof Map<?, ?> range) {
            return Range.of(key, range).count();
        }
        return BigInteger.ONE;
    }

    private static List<Object> expand(Object spec) {
        if (spec instanceof List<?> list) {
            return List.copyOf(list);
        }
        if (spec instanceof Map<?, ?> range) {
            return Range.of("", range).values();
        }
        return Collections.singletonList(spec);
    }

    /** {@code {"from": a, "to": b, "step": s}}: a, a + s, ... up to b included. */
    private record Range(BigDecimal from, BigDecimal to, BigDecimal step) {

        static Range of(String key, Map<?, ?> spec) {
            if (!spec.keySet().equals(Set.of("from", "to", "step"))) {
                throw new IllegalArgumentException("grid: " + key + ": a range is {\"from\": 5, \"to\": 20, \"step\": 5}, got keys "
                        + spec.keySet());
            }
            BigDecimal from = number(key, "from", spec.get("from"));
            BigDecimal to = number(key, "to", spec.get("to"));
            BigDecimal step = number(key, "step", spec.get("step"));
            if (step.signum() <= 0) {
                throw new IllegalArgumentException("grid: " + key + ": step must be more than 0, got " + step.toPlainString());
            }
            if (to.compareTo(from) < 0) {
                throw new IllegalArgumentException("grid: " + key + ": to (" + to.toPlainString() + ") is below from ("
                        + from.toPlainString() + ")");
            }
            return new Range(from, to, step);
        }

        private static BigDecimal number(String key, String field, Object value) {
            if (value instanceof BigDecimal number) {
                return number;
            }
            throw new IllegalArgumentException("grid: " + key + ": " + field + " must be a number, got " + value);
        }

        BigInteger count() {
            return to.subtract(from).divideToIntegralValue(step).toBigInteger().add(BigInteger.ONE);
        }

        List<Object> values() {
            List<Object> values = new ArrayList<>();
            for (BigDecimal value = from; value.compareTo(to) <= 0; value = value.add(step)) {
                values.add(value);
            }
            return values;
        }
    }
}
