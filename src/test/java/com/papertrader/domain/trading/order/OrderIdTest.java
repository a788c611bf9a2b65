package com.papertrader.domain.trading.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderIdTest {

    private static final Instant BAR = Instant.parse("2026-11-24T14:30:00Z");

    @Test
    void isDerivedOnlyFromAgentTickerBarAndSignalIndex() {
        OrderId id = OrderId.forSignal("sma-crossover", "AAPL", BAR, 1);
        assertEquals("sma-crossover|AAPL|2026-11-24T14:30:00Z|1", id.value());
        assertEquals(id, OrderId.forSignal("sma-crossover", "AAPL", BAR, 1));
    }

    @Test
    void differsWhenAnyPartDiffers() {
        OrderId id = OrderId.forSignal("a", "AAPL", BAR, 0);
        assertNotEquals(id, OrderId.forSignal("b", "AAPL", BAR, 0));
        assertNotEquals(id, OrderId.forSignal("a", "MSFT", BAR, 0));
        assertNotEquals(id, OrderId.forSignal("a", "AAPL", BAR.plusSeconds(300), 0));
        assertNotEquals(id, OrderId.forSignal("a", "AAPL", BAR, 1));
        assertNotEquals(id, OrderId.forFlatten("a", "AAPL", BAR));
    }

    @Test
    void bracketLegsAndFlattenHaveTheirOwnSuffix() {
        OrderId id = OrderId.forSignal("a", "AAPL", BAR, 0);
        assertEquals("a|AAPL|2026-11-24T14:30:00Z|0|SL", id.forLeg(OrderRole.STOP_LOSS).value());
        assertEquals("a|AAPL|2026-11-24T14:30:00Z|0|TP", id.forLeg(OrderRole.TAKE_PROFIT).value());
        assertEquals("a|AAPL|2026-11-24T14:30:00Z|EOD", OrderId.forFlatten("a", "AAPL", BAR).value());
        assertThrows(IllegalArgumentException.class, () -> id.forLeg(OrderRole.SIGNAL));
    }

    @Test
    void refusesPartsThatCouldMakeTwoOrdersShareAnId() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> OrderId.forSignal("a|b", "AAPL", BAR, 0));
        assertEquals("agent id must be non-blank without '|': a|b", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OrderId.forSignal("a", " ", BAR, 0));
        assertThrows(IllegalArgumentException.class, () -> OrderId.forSignal("a", "AAPL", BAR, -1));
    }
}
