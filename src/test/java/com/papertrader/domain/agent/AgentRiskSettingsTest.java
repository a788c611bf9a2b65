package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AgentRiskSettingsTest {

    @Test
    void defaults() {
        AgentRiskSettings defaults = AgentRiskSettings.defaults();
        assertEquals(new BigDecimal("10000"), defaults.getPositionNotional());
        assertEquals(5, defaults.getMaxOpenPositions());
        assertEquals(new BigDecimal("2"), defaults.getStopLossPercent());
        assertEquals(new BigDecimal("4"), defaults.getTakeProfitPercent());
        assertEquals(false, defaults.isAllowPyramiding());
    }

    @Test
    void equalAmountsAreEqualWhateverTheirScale() {
        AgentRiskSettings a = new AgentRiskSettings(new BigDecimal("5000"), 2, new BigDecimal("1.5"), null, true);
        AgentRiskSettings b = new AgentRiskSettings(new BigDecimal("5000.00"), 2, new BigDecimal("1.50"), null, true);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNull(a.getTakeProfitPercent());
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertEquals("position notional must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new AgentRiskSettings(BigDecimal.ZERO, 1, null, null, false)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgentRiskSettings(BigDecimal.TEN, 0, null, null, false));
        assertThrows(IllegalArgumentException.class, () -> new AgentRiskSettings(BigDecimal.TEN, 1, new BigDecimal("100"), null, false));
        assertThrows(IllegalArgumentException.class, () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, new BigDecimal("-1"), false));
        assertEquals("max daily loss must be positive, got 0", assertThrows(IllegalArgumentException.class,
                () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, null, false, BigDecimal.ZERO, null, null, null)).getMessage());
        assertEquals("flatten minutes before the close must be 0 to 390, got 391", assertThrows(IllegalArgumentException.class,
                () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, null, false, null, 391, null, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, null, false, null, -1, null, null));
        assertEquals("cool-down after losses must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, null, false, null, null, 0, null)).getMessage());
        assertEquals("max drawdown percent must be above 0 and below 100, got 100", assertThrows(IllegalArgumentException.class,
                () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, null, false, null, null, null, new BigDecimal("100"))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new AgentRiskSettings(BigDecimal.TEN, 1, null, null, false, null, null, null, new BigDecimal("-5")));
    }
}
