package com.papertrader.application.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.trading.risk.KillSwitch;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The active desk's summary as a standby server receives it: the same figures, to the cent. */
class TradingSummaryTest {

    @Test
    void aSummaryCrossesToTheOtherServersUnchanged() {
        TradingSummary quiet = new TradingSummary(3, 7, 4, new BigDecimal("301234.56"), new BigDecimal("-12.30"), Optional.empty());
        assertEquals(quiet, TradingSummary.fromEvent(quiet.toEvent()));

        TradingSummary halted = new TradingSummary(2, 0, 0, new BigDecimal("99999.99"), new BigDecimal("0.00"),
                Optional.of(new KillSwitch("admin", Instant.parse("2026-12-04T15:30:00Z"), true)));
        TradingSummary received = TradingSummary.fromEvent(halted.toEvent());
        assertEquals(new BigDecimal("99999.99"), received.totalEquity());
        KillSwitch engaged = received.killSwitch().orElseThrow();
        assertEquals("admin", engaged.engagedBy());
        assertEquals(Instant.parse("2026-12-04T15:30:00Z"), engaged.engagedAt());
        assertEquals(true, engaged.flattened());
    }
}
