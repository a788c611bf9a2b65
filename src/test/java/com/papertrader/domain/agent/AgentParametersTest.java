package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentParametersTest {

    @Test
    void readsJsonIntoJavaValues() {
        AgentParameters parameters = AgentParameters.fromJson(
                "{\"fast\": 10, \"factor\": 1.5, \"name\": \"x\", \"on\": true, \"none\": null, \"levels\": [1, 2], \"nested\": {\"a\": 1}}");
        Map<String, Object> map = parameters.asMap();
        assertEquals(new BigDecimal("10"), map.get("fast"));
        assertEquals(new BigDecimal("1.5"), map.get("factor"));
        assertEquals("x", map.get("name"));
        assertEquals(Boolean.TRUE, map.get("on"));
        assertTrue(map.containsKey("none"));
        assertEquals(null, map.get("none"));
        assertEquals(List.of(new BigDecimal("1"), new BigDecimal("2")), map.get("levels"));
        assertEquals(Map.of("a", new BigDecimal("1")), map.get("nested"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("x", 1));
    }

    @Test
    void writesCanonicalJson() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fast", 10);
        values.put("factor", 1.5);
        values.put("levels", Arrays.asList("a", null));
        AgentParameters parameters = AgentParameters.of(values);
        assertEquals("{\"fast\":10,\"factor\":1.5,\"levels\":[\"a\",null]}", parameters.toJson());
        assertEquals(parameters, AgentParameters.fromJson(" { \"fast\" : 10, \"factor\": 1.5, \"levels\": [\"a\", null] } "));
        assertNotEquals(parameters, AgentParameters.none());
        assertEquals("{}", AgentParameters.none().toJson());
        assertEquals(AgentParameters.none(), AgentParameters.fromJson(""));
    }

    @Test
    void refusesWhatIsNotASmallJsonObject() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentParameters.fromJson("{\"a\": "))
                .getMessage().startsWith("agent parameters are not valid JSON"));
        assertEquals("agent parameters must be a JSON object like {\"period\": 20}, got array",
                assertThrows(IllegalArgumentException.class, () -> AgentParameters.fromJson("[1]")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AgentParameters.fromJson("{\"a\": \"" + "x".repeat(AgentParameters.MAX_JSON_LENGTH) + "\"}"));
        assertEquals("agent parameter 'factor' is NaN; JSON numbers must be finite",
                assertThrows(IllegalArgumentException.class, () -> AgentParameters.of(Map.of("factor", Double.NaN))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentParameters.of(Map.of("when", new Object())))
                .getMessage().contains("'when' is a Object"));
    }

    @Test
    void theConverterStoresJson() {
        AgentParametersConverter converter = new AgentParametersConverter();
        AgentParameters parameters = AgentParameters.fromJson("{\"slow\":30}");
        assertEquals("{\"slow\":30}", converter.convertToDatabaseColumn(parameters));
        assertEquals(parameters, converter.convertToEntityAttribute("{\"slow\": 30}"));
    }
}
