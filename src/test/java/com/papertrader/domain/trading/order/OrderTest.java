package com.papertrader.domain.trading.order;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant PLACED = minutesAfter(TUESDAY_OPEN, 5);
    private static final Instant EXPIRES = Instant.parse("2026-11-24T21:00:00Z");

    private final OrderRequest request = OrderRequest.builder("alice", "AAPL", OrderSide.BUY, TUESDAY_OPEN, d("100.00"))
            .quantity(100).limit(d("99.5")).reason("pullback to VWAP").scriptHash("h1").build();

    @Test
    void carriesWhatProducedItAndStartsWithAnEvent() {
        Order order = Order.fromRequest(request, 100, EXPIRES, PLACED);

        assertEquals("alice|AAPL|2026-11-24T14:30:00Z|0", order.id());
        assertEquals("pullback to VWAP", order.reason());
        assertEquals("h1", order.scriptHash());
        assertEquals(TUESDAY_OPEN, order.barTime());
        assertEquals("99.5000", order.limitPrice().toPlainString());
        assertEquals(OrderStatus.NEW, order.status());
        OrderEvent created = order.lastEvent();
        assertEquals("alice|AAPL|2026-11-24T14:30:00Z|0#1", created.id());
        assertNull(created.previousStatus());
        assertEquals("submitted: buy 100 AAPL LIMIT (pullback to VWAP)", created.cause());
        assertEquals(PLACED, created.occurredAt());
    }

    @Test
    void fillsAverageTheirPricesAndAddUpCommission() {
        Order order = Order.fromRequest(request, 100, EXPIRES, PLACED);
        order.accept("risk checks passed", PLACED, PLACED);
        Instant bar2 = minutesAfter(TUESDAY_OPEN, 5);
        Instant bar3 = minutesAfter(TUESDAY_OPEN, 10);

        Fill first = order.fill(30, d("99.50"), d("1.00"), bar2, bar2);
        Fill second = order.fill(70, d("99.40"), d("0.35"), bar3, bar3);

        assertEquals(OrderStatus.FILLED, order.status());
        assertEquals(100, order.filledQuantity());
        assertEquals("99.4300", order.averageFillPrice().toPlainString()); // (30*99.5 + 70*99.4) / 100
        assertEquals("1.35", order.commission().toPlainString());
        assertEquals(order.id() + "#3", first.id());
        assertEquals(order.id() + "#4", second.id());
        assertEquals("6958.00", second.grossValue().toPlainString());
        assertEquals("-6958.35", second.cashChange().toPlainString());
        assertEquals(List.of(OrderStatus.NEW, OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED),
                order.events().stream().map(OrderEvent::status).toList());
        assertEquals("filled 70 @ 99.4000 (100/100)", order.lastEvent().cause());
        assertEquals(70L, order.lastEvent().fillQuantity());
        assertEquals(bar3, order.lastEvent().occurredAt());
    }

    @Test
    void refusesToOverfill() {
        Order order = Order.fromRequest(request, 100, EXPIRES, PLACED);
        order.accept("ok", PLACED, PLACED);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> order.fill(101, d("99"), d("0"), PLACED, PLACED));
        assertTrue(error.getMessage().contains("fill quantity must be in 1..100"), error.getMessage());
        assertEquals(0, order.filledQuantity());
    }

    @Test
    void bracketLegsAreHeldUntilActivatedWithTheParentsFilledQuantity() {
        OrderRequest buy = OrderRequest.builder("alice", "AAPL", OrderSide.BUY, TUESDAY_OPEN, d("100")).quantity(100).build();
        Order parent = Order.fromRequest(buy, 100, EXPIRES, PLACED);
        Order stop = parent.bracketLeg(OrderRole.STOP_LOSS, d("95"), PLACED);
        Order target = parent.bracketLeg(OrderRole.TAKE_PROFIT, d("110"), PLACED);

        assertEquals(parent.id() + "|SL", stop.id());
        assertEquals(OrderSide.SELL, stop.side());
        assertEquals(OrderType.STOP, stop.type());
        assertEquals("95.0000", stop.stopPrice().toPlainString());
        assertEquals(OrderType.LIMIT, target.type());
        assertEquals("110.0000", target.limitPrice().toPlainString());
        assertEquals(TimeInForce.GTC, target.timeInForce());
        assertEquals(parent.id(), stop.parentId().orElseThrow());
        assertEquals(OrderStatus.NEW, stop.status());
        assertFalse(stop.canTradeOn(minutesAfter(TUESDAY_OPEN, 60)));
        assertThrows(IllegalStateException.class, () -> stop.accept("no", PLACED, PLACED));

        Instant fillBar = minutesAfter(TUESDAY_OPEN, 5);
        stop.activate(60, fillBar, "parent filled 60", fillBar, fillBar);

        assertEquals(OrderStatus.ACCEPTED, stop.status());
        assertEquals(60, stop.quantity());
        assertFalse(stop.canTradeOn(fillBar));
        assertTrue(stop.canTradeOn(minutesAfter(fillBar, 5)));
    }

    @Test
    void onlyEntriesCarryBrackets() {
        OrderRequest sell = OrderRequest.builder("alice", "AAPL", OrderSide.SELL, TUESDAY_OPEN, d("100")).build();
        Order exit = Order.fromRequest(sell, 10, EXPIRES, PLACED);
        assertThrows(IllegalStateException.class, () -> exit.bracketLeg(OrderRole.STOP_LOSS, d("95"), PLACED));
    }

    @Test
    void onlyStopsTrigger() {
        Order limit = Order.fromRequest(request, 100, EXPIRES, PLACED);
        limit.accept("ok", PLACED, PLACED);
        assertThrows(IllegalStateException.class, () -> limit.trigger(PLACED));

        OrderRequest stopRequest = OrderRequest.builder("alice", "AAPL", OrderSide.BUY, TUESDAY_OPEN, d("100"))
                .stop(d("101")).build();
        Order stop = Order.fromRequest(stopRequest, 10, EXPIRES, PLACED);
        stop.accept("ok", PLACED, PLACED);
        stop.trigger(minutesAfter(PLACED, 5));
        assertEquals(minutesAfter(PLACED, 5), stop.triggeredAt());
    }

    @Test
    void dayOrdersNeedAnExpiryAndGtcOrdersMustNotHaveOne() {
        assertThrows(IllegalArgumentException.class, () -> Order.fromRequest(request, 100, null, PLACED));
        OrderRequest gtc = OrderRequest.builder("alice", "AAPL", OrderSide.BUY, TUESDAY_OPEN, d("100"))
                .timeInForce(TimeInForce.GTC).build();
        assertThrows(IllegalArgumentException.class, () -> Order.fromRequest(gtc, 100, EXPIRES, PLACED));
    }

    @Test
    void anUnsizedOrderCanOnlyBeRejected() {
        Order order = Order.fromRequest(request, 0, EXPIRES, PLACED);
        assertThrows(IllegalStateException.class, () -> order.accept("no", PLACED, PLACED));
        order.reject("order size resolves to 0 shares", PLACED, PLACED);
        assertEquals(OrderStatus.REJECTED, order.status());
        assertEquals("rejected: order size resolves to 0 shares", order.lastEvent().cause());
    }
}
