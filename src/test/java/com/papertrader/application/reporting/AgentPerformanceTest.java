package com.papertrader.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentPerformanceTest {

    @Test
    void winRateIsWinningClosedRoundTripsOverClosedRoundTrips() {
        AgentPerformance perf = new AgentPerformance(1, 3, 1, new BigDecimal("19.50"), new BigDecimal("-1.25"));

        assertEquals(Optional.of(new BigDecimal("0.3333")), perf.winRate());
        assertEquals(new BigDecimal("18.25"), perf.totalPnl());
    }

    @Test
    void noClosedRoundTripMeansNoWinRate() {
        assertEquals(Optional.empty(), new AgentPerformance(1, 0, 0, BigDecimal.ZERO, new BigDecimal("3.00")).winRate());
        assertEquals(new BigDecimal("0.00"), AgentPerformance.NONE.totalPnl());
    }
}
