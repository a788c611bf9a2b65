package com.papertrader.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentPerformanceTest {

    @Test
    void winRateIsWinningClosedRoundTripsOverClosedRoundTrips() {
        AgentPerformance perf = new AgentPerformance()
                .add(false, new BigDecimal("25.50"), BigDecimal.ZERO)     // closed, won
                .add(false, new BigDecimal("-10.00"), BigDecimal.ZERO)    // closed, lost
                .add(false, new BigDecimal("0.00"), BigDecimal.ZERO)      // closed, break-even: not a win
                .add(true, new BigDecimal("4.00"), new BigDecimal("-1.25")); // open, partly exited: not a round trip yet

        assertEquals(3, perf.closedTrips());
        assertEquals(1, perf.winningTrips());
        assertEquals(1, perf.openPositions());
        assertEquals(Optional.of(new BigDecimal("0.3333")), perf.winRate());
        assertEquals(new BigDecimal("19.50"), perf.realizedPnl());   // 25.50 - 10.00 + 0 + 4.00
        assertEquals(new BigDecimal("-1.25"), perf.unrealizedPnl());
        assertEquals(new BigDecimal("18.25"), perf.totalPnl());
    }

    @Test
    void noClosedRoundTripMeansNoWinRate() {
        AgentPerformance perf = new AgentPerformance().add(true, BigDecimal.ZERO, new BigDecimal("3.00"));
        assertEquals(Optional.empty(), perf.winRate());
        assertEquals(new BigDecimal("0.00"), new AgentPerformance().totalPnl());
    }
}
