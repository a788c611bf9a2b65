package com.papertrader.domain.agent;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads agent files: {@code <id>.js}, starting with a block comment {@code /* agent {...} *}{@code /} whose JSON gives
 * the name, the tickers ({@code "all"} or a list), the parameters and the risk settings (missing risk settings take
 * {@link AgentRiskSettings#defaults()}). The script is the rest of the file. On the classpath the folder is
 * {@code agents/}, and {@code agents/index.txt} lists the ids, one per line, because a WAR's classpath cannot be listed.
 */
public final class AgentScriptFiles {

    public static final String CLASSPATH_FOLDER = "agents";
    public static final String INDEX = "index.txt";

    private static final String HEADER_START = "/* agent";
    private static final String HEADER_END = "*/";
    private static final Set<String> METADATA_KEYS = Set.of("name", "tickers", "parameters", "risk", "account");
    private static final Set<String> RISK_KEYS = Set.of("positionNotional", "maxOpenPositions", "stopLossPercent",
            "takeProfitPercent", "allowPyramiding", "maxDailyLoss", "flattenMinutesBeforeClose", "coolDownAfterLosses",
            "maxDrawdownPercent");
    private static final JsonProvider JSON = JsonProvider.provider();

    private AgentScriptFiles() {
    }

    /**
     * @param fileName {@code <id>.js}; the id must be a valid {@link AgentId}
     * @throws IllegalArgumentException naming the file and what is wrong in it
     */
    public static AgentDefinition parse(String fileName, String content) {
        try {
            if (!fileName.endsWith(".js")) {
                throw new IllegalArgumentException("an agent file is named <id>.js");
            }
            AgentId id = AgentId.of(fileName.substring(0, fileName.length() - 3));
            String text = content.stripLeading();
            if (!text.startsWith(HEADER_START)) {
                throw new IllegalArgumentException("an agent file starts with a /* agent {...} */ comment holding its metadata");
            }
            int end = text.indexOf(HEADER_END);
            if (end < 0) {
                throw new IllegalArgumentException("the /* agent comment is not closed with */");
            }
            JsonObject metadata = readObject(text.substring(HEADER_START.length(), end));
            return definition(id, metadata, text.substring(end + HEADER_END.length()).replaceFirst("^\\s*\\R", ""));
        } catch (RuntimeException e) { // bad input of any kind: wrong JSON types, numbers out of range, missing values
            throw new IllegalArgumentException("agent file " + fileName + ": " + e.getMessage(), e);
        }
    }

    /**
     * An agent from its metadata (the keys of an agent file's comment) and its script: how the JSON API takes one.
     *
     * @throws IllegalArgumentException saying what is wrong in the metadata
     */
    public static AgentDefinition definition(AgentId id, JsonObject metadata, String script) {
        requireOnly(metadata, METADATA_KEYS, "metadata");
        return new AgentDefinition(id, string(metadata, "name"), script, tickers(metadata.get("tickers")),
                metadata.containsKey("parameters") && metadata.get("parameters").getValueType() != JsonValue.ValueType.NULL
                        ? AgentParameters.fromJson(metadata.get("parameters").toString()) : AgentParameters.none(),
                metadata.containsKey("risk") ? risk(metadata.getJsonObject("risk")) : AgentRiskSettings.defaults(),
                metadata.containsKey("account") && metadata.get("account").getValueType() != JsonValue.ValueType.NULL
                        ? metadata.getString("account") : null);
    }

    /** The agent file ({@code <id>.js}) of an agent: {@link #parse} reads it back into the same agent. */
    public static String write(AgentDefinition agent) {
        AgentRiskSettings risk = agent.risk();
        JsonObjectBuilder riskJson = JSON.createObjectBuilder();
        decimal(riskJson, "positionNotional", risk.getPositionNotional());
        riskJson.add("maxOpenPositions", risk.getMaxOpenPositions());
        decimal(riskJson, "stopLossPercent", risk.getStopLossPercent());
        decimal(riskJson, "takeProfitPercent", risk.getTakeProfitPercent());
        riskJson.add("allowPyramiding", risk.isAllowPyramiding());
        decimal(riskJson, "maxDailyLoss", risk.getMaxDailyLoss());
        whole(riskJson, "flattenMinutesBeforeClose", risk.getFlattenMinutesBeforeClose());
        whole(riskJson, "coolDownAfterLosses", risk.getCoolDownAfterLosses());
        decimal(riskJson, "maxDrawdownPercent", risk.getMaxDrawdownPercent());
        StringBuilder text = new StringBuilder(HEADER_START).append("\n{\n");
        text.append("  \"name\": ").append(JSON.createValue(agent.name())).append(",\n");
        text.append("  \"tickers\": ").append(agent.tickers().isAll() ? JSON.createValue("all")
                : JSON.createArrayBuilder(agent.tickers().tickers()).build()).append(",\n");
        text.append("  \"parameters\": ").append(agent.parameters().toJson()).append(",\n");
        text.append("  \"risk\": ").append(riskJson.build());
        if (agent.account() != null) {
            text.append(",\n  \"account\": ").append(JSON.createValue(agent.account()));
        }
        // "*/" in a name would end the comment: JSON may write "/" as "\/"
        return text.toString().replace(HEADER_END, "*\\/") + "\n}\n" + HEADER_END + "\n" + agent.script();
    }

    private static void decimal(JsonObjectBuilder json, String key, BigDecimal value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros());
        }
    }

    private static void whole(JsonObjectBuilder json, String key, Integer value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }

    /** Every {@code *.js} file of the folder, by file name. */
    public static List<AgentDefinition> fromDirectory(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<AgentDefinition> definitions = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".js")).sorted().toList()) {
                definitions.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return definitions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent files in " + folder, e);
        }
    }

    /** The agents listed in {@code agents/index.txt} on the classpath, in its order. */
    public static List<AgentDefinition> fromClasspath(ClassLoader loader) {
        List<AgentDefinition> definitions = new ArrayList<>();
        for (String line : resource(loader, INDEX).split("\\R")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                definitions.add(parse(id + ".js", resource(loader, id + ".js")));
            }
        }
        return definitions;
    }

    private static String resource(ClassLoader loader, String name) {
        String path = CLASSPATH_FOLDER + "/" + name;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static JsonObject readObject(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("the metadata is not a valid JSON object: " + e.getMessage(), e);
        }
    }

    private static WatchedTickers tickers(JsonValue value) {
        if (value instanceof JsonString text && text.getString().equalsIgnoreCase("all")) {
            return WatchedTickers.all();
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            return WatchedTickers.of(value.asJsonArray().getValuesAs(JsonString::getString));
        }
        throw new IllegalArgumentException("tickers must be \"all\" or a list such as [\"AAPL\", \"MSFT\"]");
    }

    private static AgentRiskSettings risk(JsonObject risk) {
        requireOnly(risk, RISK_KEYS, "risk");
        AgentRiskSettings defaults = AgentRiskSettings.defaults();
        return new AgentRiskSettings(
                risk.containsKey("positionNotional") ? number(risk, "positionNotional") : defaults.getPositionNotional(),
                risk.containsKey("maxOpenPositions") ? number(risk, "maxOpenPositions").intValueExact() : defaults.getMaxOpenPositions(),
                risk.containsKey("stopLossPercent") ? number(risk, "stopLossPercent") : defaults.getStopLossPercent(),
                risk.containsKey("takeProfitPercent") ? number(risk, "takeProfitPercent") : defaults.getTakeProfitPercent(),
                risk.containsKey("allowPyramiding") ? risk.getBoolean("allowPyramiding") : defaults.isAllowPyramiding(),
                risk.containsKey("maxDailyLoss") ? number(risk, "maxDailyLoss") : defaults.getMaxDailyLoss(),
                risk.containsKey("flattenMinutesBeforeClose") ? wholeNumber(risk, "flattenMinutesBeforeClose")
                        : defaults.getFlattenMinutesBeforeClose(),
                risk.containsKey("coolDownAfterLosses") ? wholeNumber(risk, "coolDownAfterLosses") : defaults.getCoolDownAfterLosses(),
                risk.containsKey("maxDrawdownPercent") ? number(risk, "maxDrawdownPercent") : defaults.getMaxDrawdownPercent());
    }

    /** A number, or null for JSON null. */
    private static BigDecimal number(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new IllegalArgumentException(key + " must be a number or null, got " + value);
        }
        return number.bigDecimalValue();
    }

    /** A whole number, or null for JSON null. */
    private static Integer wholeNumber(JsonObject object, String key) {
        BigDecimal value = number(object, key);
        try {
            return value == null ? null : value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a whole number or null, got " + value.toPlainString(), e);
        }
    }

    private static String string(JsonObject object, String key) {
        if (!(object.get(key) instanceof JsonString text)) {
            throw new IllegalArgumentException(key + " is required and must be a string");
        }
        return text.getString();
    }

    private static void requireOnly(JsonObject object, Set<String> allowed, String what) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown " + what + " key '" + key + "'; expected "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
