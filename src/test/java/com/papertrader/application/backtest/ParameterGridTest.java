package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.papertrader.domain.agent.AgentParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterGridTest {

    @Test
    void listsRangesAndSingleValuesMakeEveryCombinationFirstKeySlowest() {
        ParameterGrid grid = ParameterGrid.parse("{\"fast\": [5, 10], \"slow\": {\"from\": 20, \"to\": 40, \"step\": 10}, \"mode\": \"close\"}");

        assertEquals(6, grid.size());
        assertEquals(List.of("fast", "slow"), grid.varying());
        assertEquals(List.of(
                Map.of("fast", n("5"), "slow", n("20"), "mode", "close"), Map.of("fast", n("5"), "slow", n("30"), "mode", "close"),
                Map.of("fast", n("5"), "slow", n("40"), "mode", "close"), Map.of("fast", n("10"), "slow", n("20"), "mode", "close"),
                Map.of("fast", n("10"), "slow", n("30"), "mode", "close"), Map.of("fast", n("10"), "slow", n("40"), "mode", "close")),
                grid.combinations());
    }

    @Test
    void decimalStepsAreExactAndTheEndIsIncludedOnlyWhenReached() {
        assertEquals(List.of(n("0.1"), n("0.2"), n("0.3")), ParameterGrid.parse("{\"k\": {\"from\": 0.1, \"to\": 0.3, \"step\": 0.1}}").values("k"));
        assertEquals(List.of(n("1"), n("4"), n("7")), ParameterGrid.parse("{\"k\": {\"from\": 1, \"to\": 9, \"step\": 3}}").values("k"));
    }

    @Test
    void aGridOfAMillionCombinationsIsRefusedWithTheCap() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(
                "{\"a\": {\"from\": 1, \"to\": 1000, \"step\": 1}, \"b\": {\"from\": 1, \"to\": 1000, \"step\": 1}}"));

        assertEquals("grid: 1,000,000 combinations; at most 1,000 run in one sweep: give fewer values or larger steps",
                refused.getMessage());
        assertEquals(ParameterGrid.MAX_COMBINATIONS, ParameterGrid.parse("{\"a\": {\"from\": 1, \"to\": 1000, \"step\": 1}}").size());
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse("{\"a\": {\"from\": 0, \"to\": 1e15, \"step\": 1e-9}}"),
                "counted, never expanded");
    }

    @Test
    void badGridsAreNamed() {
        assertEquals("grid: give at least one parameter and its values, like {\"period\": [10, 20, 50]}", message(""));
        assertEquals("grid: give at least one parameter and its values, like {\"period\": [10, 20, 50]}", message("{}"));
        assertEquals("grid: the grid must be a JSON object like {\"period\": 20}, got array", message("[1, 2]"));
        assertEquals("grid: fast: the list of values is empty", message("{\"fast\": []}"));
        assertEquals("grid: fast: step must be more than 0, got 0", message("{\"fast\": {\"from\": 1, \"to\": 5, \"step\": 0}}"));
        assertEquals("grid: fast: to (1) is below from (5)", message("{\"fast\": {\"from\": 5, \"to\": 1, \"step\": 1}}"));
        assertEquals("grid: fast: from must be a number, got five", message("{\"fast\": {\"from\": \"five\", \"to\": 1, \"step\": 1}}"));
        assertEquals("grid: fast: a range is {\"from\": 5, \"to\": 20, \"step\": 5}, got keys [from, to]",
                message("{\"fast\": {\"from\": 5, \"to\": 20}}"));
    }

    @Test
    void aCombinationOverlaysTheAgentsParameters() {
        AgentParameters own = AgentParameters.fromJson("{\"fast\": 10, \"slow\": 30, \"stop\": 2}");

        assertEquals(AgentParameters.fromJson("{\"fast\": 5, \"slow\": 30, \"stop\": 2, \"extra\": true}"),
                ParameterGrid.overlay(own, Map.of("fast", n("5"), "extra", true)));
    }

    @Test
    void theGridKeepsItsValuesThroughItsJson() {
        ParameterGrid grid = ParameterGrid.parse("{\"fast\": {\"from\": 5, \"to\": 15, \"step\": 5}, \"slow\": [30, 50]}");

        assertEquals("{\"fast\":[5,10,15],\"slow\":[30,50]}", grid.toJson());
        assertEquals(grid.combinations(), ParameterGrid.parse(grid.toJson()).combinations());
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(json)).getMessage();
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }
}
