package com.papertrader.domain.trading.portfolio;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.fill;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.trading.order.OrderSide;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PositionTest {

    private static final Instant T1 = minutesAfter(TUESDAY_OPEN, 5);
    private static final Instant T2 = minutesAfter(TUESDAY_OPEN, 10);
    private static final Instant T3 = minutesAfter(TUESDAY_OPEN, 15);
    private static final Instant T4 = minutesAfter(TUESDAY_OPEN, 20);

    @Test
    void scalingInAveragesTheEntryAndAddsCommissionToTheCostBasis() {
        Position position = Position.open(fill("alice", "AAPL", OrderSide.BUY, 100, "10.00", "1.00", T1));
        assertEquals("0.00", position.apply(fill("alice", "AAPL", OrderSide.BUY, 50, "11.00", "1.00", T2)).toPlainString());
        position.mark(d("12.00"), T3);

        assertEquals(PositionSide.LONG, position.side());
        assertEquals(150, position.quantity());
        assertEquals("10.3333", position.averagePrice().toPlainString()); // (1000 + 550) / 150
        assertEquals("1552.00", position.costBasis().toPlainString());    // 1000 + 1 + 550 + 1
        assertEquals("1800.00", position.marketValue().toPlainString());
        assertEquals("248.00", position.unrealizedPnl().toPlainString());
        assertEquals(T1, position.openedAt());
        assertEquals("alice", position.openedBy());
    }

    @Test
    void scalingOutRealizesAgainstTheProportionalCostBasisAndClosesAtZero() {
        Position position = Position.open(fill("alice", "AAPL", OrderSide.BUY, 100, "10.00", "1.00", T1));
        position.apply(fill("alice", "AAPL", OrderSide.BUY, 50, "11.00", "1.00", T2));

        // a third of 1552.00 is 517.33; proceeds 600.00 - 1.00
        assertEquals("81.67", position.apply(fill("alice", "AAPL", OrderSide.SELL, 50, "12.00", "1.00", T3)).toPlainString());
        assertEquals(100, position.quantity());
        assertEquals("10.3333", position.averagePrice().toPlainString());
        assertEquals("1034.67", position.costBasis().toPlainString());
        assertTrue(position.isOpen());

        // the rest of the basis goes with the last shares: 899.00 - 1034.67
        assertEquals("-135.67", position.apply(fill("alice", "AAPL", OrderSide.SELL, 100, "9.00", "1.00", T4)).toPlainString());
        assertEquals("-54.00", position.realizedPnl().toPlainString()); // 599 + 899 - 1552, exactly
        assertEquals(0, position.quantity());
        assertFalse(position.isOpen());
        assertEquals(T4, position.closedAt());
        assertEquals("0.00", position.marketValue().toPlainString());
        assertEquals("0.00", position.unrealizedPnl().toPlainString());
    }

    @Test
    void shortSaleAndCover() {
        Position position = Position.open(fill("bob", "TSLA", OrderSide.SELL_SHORT, 200, "50.00", "1.00", T1));
        assertEquals(PositionSide.SHORT, position.side());
        assertEquals("9999.00", position.costBasis().toPlainString()); // proceeds net of commission

        position.mark(d("49.00"), T2);
        assertEquals("9800.00", position.marketValue().toPlainString());
        assertEquals("-9800.00", position.signedMarketValue().toPlainString());
        assertEquals("199.00", position.unrealizedPnl().toPlainString());

        assertEquals("298.00", position.apply(fill("bob", "TSLA", OrderSide.BUY_TO_COVER, 200, "48.50", "1.00", T3)).toPlainString());
        assertEquals("298.00", position.realizedPnl().toPlainString()); // 9999 - (9700 + 1)
        assertFalse(position.isOpen());
    }

    @Test
    void shortScaleInAndALosingPartialCover() {
        Position position = Position.open(fill("bob", "TSLA", OrderSide.SELL_SHORT, 100, "20.00", "0", T1));
        position.apply(fill("bob", "TSLA", OrderSide.SELL_SHORT, 100, "22.00", "0", T2));
        assertEquals("21.0000", position.averagePrice().toPlainString());
        assertEquals("4200.00", position.costBasis().toPlainString());

        assertEquals("-200.00", position.apply(fill("bob", "TSLA", OrderSide.BUY_TO_COVER, 50, "25.00", "0", T3)).toPlainString());
        assertEquals(150, position.quantity());
        assertEquals("3150.00", position.costBasis().toPlainString());
        assertEquals("-600.00", position.unrealizedPnl().toPlainString()); // marked at the cover price: 3150 - 3750
    }

    @Test
    void aFillLargerThanThePositionWouldCrossThroughZeroAndIsRefused() {
        Position position = Position.open(fill("alice", "AAPL", OrderSide.BUY, 100, "10.00", "0", T1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> position.apply(fill("alice", "AAPL", OrderSide.SELL, 150, "10.00", "0", T2)));
        assertTrue(error.getMessage().endsWith("would cross through zero: the LONG position holds 100"), error.getMessage());
        assertEquals(100, position.quantity());
    }

    @Test
    void refusesFillsThatAreNotItsOwn() {
        Position position = Position.open(fill("alice", "AAPL", OrderSide.BUY, 100, "10.00", "0", T1));
        assertThrows(IllegalArgumentException.class,
                () -> position.apply(fill("alice", "AAPL", OrderSide.SELL_SHORT, 10, "10.00", "0", T2)));
        assertThrows(IllegalArgumentException.class,
                () -> position.apply(fill("alice", "MSFT", OrderSide.SELL, 10, "10.00", "0", T2)));
        assertThrows(IllegalArgumentException.class,
                () -> position.apply(fill("bob", "AAPL", OrderSide.SELL, 10, "10.00", "0", T2)));
        assertThrows(IllegalArgumentException.class,
                () -> Position.open(fill("alice", "AAPL", OrderSide.SELL, 10, "10.00", "0", T2)));
        assertNull(position.closedAt());
    }

    @Test
    void aClosedPositionTakesNoMoreFills() {
        Position position = Position.open(fill("alice", "AAPL", OrderSide.BUY, 10, "10.00", "0", T1));
        position.apply(fill("alice", "AAPL", OrderSide.SELL, 10, "10.00", "0", T2));
        assertThrows(IllegalStateException.class,
                () -> position.apply(fill("alice", "AAPL", OrderSide.BUY, 10, "10.00", "0", T3)));
    }
}
