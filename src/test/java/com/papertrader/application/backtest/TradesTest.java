package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.TestBars;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.portfolio.PositionSide;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TradesTest {

    private static final Instant T0 = Instant.parse("2026-03-04T14:30:00Z");

    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();

    @Test
    void aLongBoughtInTwoPiecesAndSoldInOneIsOneTradeWithItsReasons() {
        fill(order(OrderSide.BUY, 0, 10, "breakout"), 6, "100.00", "1.00", 1);
        Order entry2 = order(OrderSide.BUY, 1, 4, "add");
        fill(entry2, 4, "102.50", "1.00", 2);
        fill(order(OrderSide.SELL, 3, 10, "target"), 10, "105.00", "1.00", 4);

        List<Trade> trades = Trades.from(fills, orders);

        assertEquals(1, trades.size());
        Trade trade = trades.get(0);
        assertEquals(PositionSide.LONG, trade.side());
        assertEquals(10, trade.quantity());
        // (6 × 100 + 4 × 102.50) / 10 = 1010 / 10 = 101.00
        assertEquals(new BigDecimal("101.0000"), trade.entryPrice());
        assertEquals(new BigDecimal("105.0000"), trade.exitPrice());
        // -601 - 411 + 1049 = 37.00 (1050 of sales less three commissions of 1 on 1010 of purchases)
        assertEquals(new BigDecimal("37.00"), trade.pnl());
        assertEquals("breakout", trade.entryReason());
        assertEquals("target", trade.exitReason());
        assertEquals(T0.plus(Duration.ofMinutes(5)), trade.entryAt());
        assertEquals(T0.plus(Duration.ofMinutes(20)), trade.exitAt());
    }

    @Test
    void aShortIsCoveredAndAnotherTradeIsStillOpen() {
        fill(order(OrderSide.SELL_SHORT, 0, 5, "overbought"), 5, "50.00", "0.00", 1);
        fill(order(OrderSide.BUY_TO_COVER, 2, 5, "stop loss at 51.00"), 5, "51.00", "0.00", 3);
        fill(order(OrderSide.BUY, 4, 3, "again"), 3, "49.00", "0.00", 5);

        List<Trade> trades = Trades.from(fills, orders);

        assertEquals(2, trades.size());
        assertEquals(PositionSide.SHORT, trades.get(0).side());
        assertEquals(new BigDecimal("-5.00"), trades.get(0).pnl(), "sold 5 at 50, bought back at 51");
        assertEquals("stop loss at 51.00", trades.get(0).exitReason());
        assertFalse(trades.get(1).isClosed());
        assertNull(trades.get(1).pnl());
        assertEquals("again", trades.get(1).entryReason());
    }

    @Test
    void excursionsAreMeasuredFromTheEntryBarThroughTheExitBar() {
        fill(order(OrderSide.BUY, 0, 10, "breakout"), 6, "100.00", "1.00", 1);
        fill(order(OrderSide.BUY, 1, 4, "add"), 4, "102.50", "1.00", 2);
        fill(order(OrderSide.SELL, 3, 10, "target"), 10, "105.00", "1.00", 4);
        PricePath path = new PricePath();
        path.add(bar(0, "100.00", "90.00"), true);  // before the entry: not counted
        path.add(bar(1, "101.50", "99.99"), true);
        path.add(bar(2, "103.00", "100.50"), true);
        path.add(bar(3, "106.05", "100.00"), true);
        path.add(bar(4, "105.50", "98.98"), true);  // the exit bar counts
        path.add(bar(5, "120.00", "80.00"), true);  // after the exit: not counted

        Trade trade = Trades.from(fills, orders, path).get(0);

        // entry 101.00: lowest low 98.98 is 2.02 / 101 = 2 % against it, highest high 106.05 is 5.05 / 101 = 5 % for it
        assertEquals(0.02, trade.adverseExcursion(), 1e-12);
        assertEquals(0.05, trade.favourableExcursion(), 1e-12);
    }

    @Test
    void aShortsExcursionsAreMirroredAndAnOpenTradeRunsToTheLastBar() {
        fill(order(OrderSide.SELL_SHORT, 0, 5, "overbought"), 5, "50.00", "0.00", 1);
        fill(order(OrderSide.BUY_TO_COVER, 2, 5, "stop loss at 51.00"), 5, "51.00", "0.00", 3);
        fill(order(OrderSide.BUY, 4, 3, "again"), 3, "49.00", "0.00", 5);
        PricePath path = new PricePath();
        path.add(bar(1, "50.50", "49.00"), true);
        path.add(bar(2, "51.50", "49.50"), true);
        path.add(bar(3, "51.20", "50.50"), true);
        path.add(bar(5, "49.20", "48.51"), true);
        path.add(bar(6, "49.49", "48.02"), true);

        List<Trade> trades = Trades.from(fills, orders, path);

        // short at 50: the highest high 51.50 is 3 % against it, the lowest low 49.00 2 % for it
        assertEquals(0.03, trades.get(0).adverseExcursion(), 1e-12);
        assertEquals(0.02, trades.get(0).favourableExcursion(), 1e-12);
        // long at 49, still open: lowest low 48.02 is 2 % against it, highest high 49.49 1 % for it
        assertEquals(0.02, trades.get(1).adverseExcursion(), 1e-12);
        assertEquals(0.01, trades.get(1).favourableExcursion(), 1e-12);
        assertTrue(Double.isNaN(Trades.from(fills, orders).get(0).adverseExcursion()), "no bars, no excursion");
    }

    private static Bar bar(int index, String high, String low) {
        return TestBars.bar("TEST", T0.plus(Duration.ofMinutes(5L * index)), low, high, low, low, "1000");
    }

    private Order order(OrderSide side, int bar, long quantity, String reason) {
        OrderRequest request = OrderRequest.builder("tester", "TEST", side, T0.plus(Duration.ofMinutes(5L * bar)), new BigDecimal("100"))
                .quantity(quantity).reason(reason).timeInForce(TimeInForce.GTC).build();
        Order order = Order.fromRequest(request, quantity, null, T0);
        order.accept("ok", T0, T0);
        orders.put(order.id(), order);
        return order;
    }

    private void fill(Order order, long quantity, String price, String commission, int bar) {
        Instant at = T0.plus(Duration.ofMinutes(5L * bar));
        fills.add(order.fill(quantity, new BigDecimal(price), new BigDecimal(commission), at, at));
    }
}
