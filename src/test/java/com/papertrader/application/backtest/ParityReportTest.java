package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParityReportTest {

    private static final Instant T0 = Instant.parse("2026-03-04T14:30:00Z");
    private static final Instant T1 = T0.plusSeconds(300);

    @Test
    void theSameOrdersAndFillsAreIdentical() {
        Order live = order(0);
        Fill liveFill = live.fill(10, new BigDecimal("100.00"), BigDecimal.ZERO, T1, T1);
        Order replayed = order(0);
        Fill replayedFill = replayed.fill(10, new BigDecimal("100.00"), BigDecimal.ZERO, T1, T1.plusSeconds(3600));

        ParityReport report = ParityReport.compare(List.of(live), List.of(liveFill), List.of(replayed), List.of(replayedFill));

        assertTrue(report.identical(), "when it was recorded does not matter: " + report.differences());
        assertEquals(1, report.liveFills());
    }

    @Test
    void aDifferentPriceAndAnOrderOnlyOneSideHasAreDifferences() {
        Order live = order(0);
        Fill liveFill = live.fill(10, new BigDecimal("100.00"), BigDecimal.ZERO, T1, T1);
        Order replayed = order(0);
        Fill replayedFill = replayed.fill(10, new BigDecimal("100.05"), BigDecimal.ZERO, T1, T1);
        Order extra = order(1);

        ParityReport report = ParityReport.compare(List.of(live), List.of(liveFill), List.of(replayed, extra), List.of(replayedFill));

        assertFalse(report.identical());
        assertEquals(List.of("order " + live.id(), "order " + extra.id(), "fill " + liveFill.id()),
                report.differences().stream().map(d -> d.kind() + " " + d.id()).toList());
        assertTrue(report.differences().get(0).live().contains("@ 100.0000"), report.differences().get(0).live());
        assertTrue(report.differences().get(0).replay().contains("@ 100.0500"));
        assertNull(report.differences().get(1).live(), "the live side never placed it");
    }

    private static Order order(int signal) {
        OrderRequest request = OrderRequest.builder("tester", "TEST", OrderSide.BUY, T0, new BigDecimal("100"))
                .quantity(10).signalIndex(signal).reason("why").timeInForce(TimeInForce.GTC).build();
        Order order = Order.fromRequest(request, 10, null, T0);
        order.accept("ok", T0, T0);
        return order;
    }
}
