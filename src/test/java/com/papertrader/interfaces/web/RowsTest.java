package com.papertrader.interfaces.web;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.gtc;
import static com.papertrader.domain.trading.TradingFixtures.workingOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderSide;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the order and fill tables show of an order and its fill, formatted as the rest of the pages format. */
class RowsTest {

    @Test
    void anOrderRowShowsTheOrderFormatted() {
        Order order = workingOrder(gtc("alpha", "AAPL", OrderSide.BUY, TUESDAY_OPEN, "187.25").quantity(10).reason("breakout").build(), 10);
        Fill fill = order.fill(4, d("187.2512"), d("1.00"), TUESDAY_OPEN.plusSeconds(300), TUESDAY_OPEN.plusSeconds(300));

        OrderRow row = OrderRow.of(List.of(order)).get(0);
        assertEquals(order.id(), row.getId());
        assertEquals("2026-11-24 09:35 ET", row.getCreated(), "placed at the close of the 09:30 bar, in market time");
        assertEquals("alpha", row.getAgentId());
        assertEquals("AAPL", row.getTicker());
        assertEquals("buy", row.getSide());
        assertEquals("MARKET", row.getType());
        assertEquals(10, row.getQuantity());
        assertEquals(4, row.getFilledQuantity());
        assertEquals("187.2512", row.getAveragePrice());
        assertEquals("PARTIALLY_FILLED", row.getStatus());
        assertEquals("order-status status-partially_filled", row.getStatusClass());
        assertEquals("breakout", row.getReason());

        FillRow fillRow = FillRow.of(List.of(fill)).get(0);
        assertEquals(fill.id(), fillRow.getId());
        assertEquals(order.id(), fillRow.getOrderId());
        assertEquals("2026-11-24 09:35 ET", fillRow.getFilled());
        assertEquals("alpha", fillRow.getAgentId());
        assertEquals("AAPL", fillRow.getTicker());
        assertEquals("buy", fillRow.getSide());
        assertEquals(4, fillRow.getQuantity());
        assertEquals("187.2512", fillRow.getPrice());
    }

    @Test
    void anUnfilledOrderHasNoAveragePriceYet() {
        Order order = workingOrder(gtc("alpha", "MSFT", OrderSide.SELL_SHORT, TUESDAY_OPEN, "410").quantity(3).build(), 3);
        OrderRow row = new OrderRow(order);
        assertEquals("", row.getAveragePrice());
        assertEquals("ACCEPTED", row.getStatus());
        assertEquals("order-status status-accepted", row.getStatusClass());
    }
}
