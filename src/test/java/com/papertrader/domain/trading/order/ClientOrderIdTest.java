package com.papertrader.domain.trading.order;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientOrderIdTest {

    private static final Instant BAR = Instant.parse("2026-11-24T14:30:00Z");

    @Test
    void isDerivedOnlyFromAgentTickerBarAndSignalIndex() {
        ClientOrderId id = ClientOrderId.forSignal("sma-crossover", "AAPL", BAR, 1);
        assertEquals("sma-crossover|AAPL|2026-11-24T14:30:00Z|1", id.value());
        assertEquals(id, ClientOrderId.forSignal("sma-crossover", "AAPL", BAR, 1));
    }

    @Test
    void differsWhenAnyPartDiffers() {
        ClientOrderId id = ClientOrderId.forSignal("a", "AAPL", BAR, 0);
        assertNotEquals(id, ClientOrderId.forSignal("b", "AAPL", BAR, 0));
        assertNotEquals(id, ClientOrderId.forSignal("a", "MSFT", BAR, 0));
        assertNotEquals(id, ClientOrderId.forSignal("a", "AAPL", BAR.plusSeconds(300), 0));
        assertNotEquals(id, ClientOrderId.forSignal("a", "AAPL", BAR, 1));
        assertNotEquals(id, ClientOrderId.forFlatten("a", "AAPL", BAR));
    }

    @Test
    void bracketLegsAndFlattenHaveTheirOwnSuffix() {
        ClientOrderId id = ClientOrderId.forSignal("a", "AAPL", BAR, 0);
        assertEquals("a|AAPL|2026-11-24T14:30:00Z|0|SL", id.forLeg(OrderRole.STOP_LOSS).value());
        assertEquals("a|AAPL|2026-11-24T14:30:00Z|0|TP", id.forLeg(OrderRole.TAKE_PROFIT).value());
        assertEquals("a|AAPL|2026-11-24T14:30:00Z|EOD", ClientOrderId.forFlatten("a", "AAPL", BAR).value());
        assertThrows(IllegalArgumentException.class, () -> id.forLeg(OrderRole.SIGNAL));
    }

    @Test
    void refusesPartsThatCouldMakeTwoOrdersShareAnId() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ClientOrderId.forSignal("a|b", "AAPL", BAR, 0));
        assertEquals("agent id must be non-blank without '|': a|b", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientOrderId.forSignal("a", " ", BAR, 0));
        assertThrows(IllegalArgumentException.class, () -> ClientOrderId.forSignal("a", "AAPL", BAR, -1));
    }
}
