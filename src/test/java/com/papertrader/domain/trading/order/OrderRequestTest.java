package com.papertrader.domain.trading.order;

import static com.papertrader.domain.trading.TradingFixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrderRequestTest {

    private static final Instant BAR = Instant.parse("2026-11-24T14:30:00Z");

    @Test
    void defaultsToTheAgentsOwnAccountAndADayMarketOrder() {
        OrderRequest request = OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("100.123")).build();
        assertEquals("alice", request.accountId());
        assertEquals(OrderType.MARKET, request.type());
        assertEquals(TimeInForce.DAY, request.timeInForce());
        assertEquals("100.1230", request.referencePrice().toPlainString());
        assertEquals("100.1230", request.expectedPrice().toPlainString());
        assertEquals("alice|AAPL|2026-11-24T14:30:00Z|0", request.orderId().value());
    }

    @Test
    void expectsTheLimitThenTheStopThenTheReference() {
        assertEquals("99.0000", OrderRequest.builder("a", "AAPL", OrderSide.BUY, BAR, d("100"))
                .stopLimit(d("101"), d("99")).build().expectedPrice().toPlainString());
        assertEquals("101.0000", OrderRequest.builder("a", "AAPL", OrderSide.BUY, BAR, d("100"))
                .stop(d("101")).build().expectedPrice().toPlainString());
    }

    @Test
    void badRequestsNameAgentTickerAndField() {
        assertMessage("Order request of agent alice for AAPL: give quantity or notional, not both",
                OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("100")).quantity(1).notional(d("100")));
        assertMessage("Order request of agent alice for AAPL: quantity must be positive, was 0",
                OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("100")).quantity(0));
        assertMessage("Order request of agent alice for AAPL: a LIMIT order needs a limit price",
                OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("100")).limit(null));
        assertMessage("Order request of agent alice for AAPL: a STOP_LIMIT order needs a stop price",
                OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("100")).stopLimit(null, d("99")));
        assertMessage("Order request of agent alice for AAPL: reference price (the signal bar's close) must be positive, was -1",
                OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("-1")));
        assertMessage("Order request of agent alice for AAPL: stop loss must be positive, was 0",
                OrderRequest.builder("alice", "AAPL", OrderSide.BUY, BAR, d("100")).stopLoss(d("0")));
        assertMessage("Order request of agent alice for null: ticker is required",
                OrderRequest.builder("alice", null, OrderSide.BUY, BAR, d("100")));
        assertMessage("Order request for AAPL: agent id is required",
                OrderRequest.builder(" ", "AAPL", OrderSide.BUY, BAR, d("100")));
    }

    private static void assertMessage(String expected, OrderRequest.Builder builder) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, builder::build).getMessage());
    }
}
