package com.papertrader.domain.trading.order;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The transition table, tried over every pair of statuses, both on the table and on a real order. */
class OrderStatusTest {

    /** The legal moves, written out independently of the production table. */
    private static final Set<String> LEGAL = Set.of(
            "NEW>ACCEPTED", "NEW>REJECTED", "NEW>CANCELED",
            "ACCEPTED>PARTIALLY_FILLED", "ACCEPTED>FILLED", "ACCEPTED>CANCELED", "ACCEPTED>EXPIRED",
            "PARTIALLY_FILLED>PARTIALLY_FILLED", "PARTIALLY_FILLED>FILLED", "PARTIALLY_FILLED>CANCELED",
            "PARTIALLY_FILLED>EXPIRED");

    private static final Instant AT = TUESDAY_OPEN.plusSeconds(600);
    private static final long QUANTITY = 10;

    /** How to bring a fresh order into each status. */
    private static final Map<OrderStatus, Consumer<Order>> REACH = Map.of(
            OrderStatus.NEW, order -> { },
            OrderStatus.ACCEPTED, order -> order.accept("ok", AT, AT),
            OrderStatus.PARTIALLY_FILLED, order -> {
                order.accept("ok", AT, AT);
                order.fill(1, d("100"), d("0"), AT, AT);
            },
            OrderStatus.FILLED, order -> {
                order.accept("ok", AT, AT);
                order.fill(QUANTITY, d("100"), d("0"), AT, AT);
            },
            OrderStatus.CANCELED, order -> order.cancel("test", AT, AT),
            OrderStatus.EXPIRED, order -> {
                order.accept("ok", AT, AT);
                order.expire(AT, AT);
            },
            OrderStatus.REJECTED, order -> order.reject("test", AT, AT));

    /** The order method that moves to each status (none moves to NEW: it is only the starting status). */
    private static final Map<OrderStatus, Consumer<Order>> MOVE = Map.of(
            OrderStatus.ACCEPTED, order -> order.accept("ok", AT, AT),
            OrderStatus.PARTIALLY_FILLED, order -> order.fill(1, d("100"), d("0"), AT, AT),
            OrderStatus.FILLED, order -> order.fill(Math.max(1, order.remainingQuantity()), d("100"), d("0"), AT, AT),
            OrderStatus.CANCELED, order -> order.cancel("test", AT, AT),
            OrderStatus.EXPIRED, order -> order.expire(AT, AT),
            OrderStatus.REJECTED, order -> order.reject("test", AT, AT));

    @Test
    void theTableAllowsExactlyTheLegalMoves() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                assertEquals(LEGAL.contains(from + ">" + to), from.canMoveTo(to), from + " -> " + to);
            }
        }
    }

    @Test
    void anOrderMakesEveryLegalMoveAndThrowsOnEveryIllegalOne() {
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : EnumSet.complementOf(EnumSet.of(OrderStatus.NEW))) {
                Order order = newOrder();
                REACH.get(from).accept(order);
                assertEquals(from, order.status());
                int eventsBefore = order.events().size();
                if (LEGAL.contains(from + ">" + to)) {
                    assertDoesNotThrow(() -> MOVE.get(to).accept(order), from + " -> " + to);
                    assertEquals(to, order.status());
                    assertEquals(eventsBefore + 1, order.events().size());
                    assertEquals(from, order.lastEvent().previousStatus());
                } else {
                    assertThrows(IllegalOrderTransitionException.class, () -> MOVE.get(to).accept(order), from + " -> " + to);
                    assertEquals(from, order.status());
                    assertEquals(eventsBefore, order.events().size());
                }
            }
        }
    }

    @Test
    void terminalAndWorkingStatuses() {
        assertEquals(EnumSet.of(OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.EXPIRED, OrderStatus.REJECTED),
                EnumSet.copyOf(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isTerminal).toList()));
        assertEquals(EnumSet.of(OrderStatus.ACCEPTED, OrderStatus.PARTIALLY_FILLED),
                EnumSet.copyOf(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isWorking).toList()));
    }

    private static Order newOrder() {
        OrderRequest request = OrderRequest.builder("agent", "AAPL", OrderSide.BUY, TUESDAY_OPEN, d("100"))
                .timeInForce(TimeInForce.GTC).quantity(QUANTITY).build();
        return Order.fromRequest(request, QUANTITY, null, AT);
    }
}
