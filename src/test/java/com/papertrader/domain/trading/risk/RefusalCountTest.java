package com.papertrader.domain.trading.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RefusalCountTest {

    /** 20:55 New York on Tuesday 2026-11-24: 01:55 UTC on the 25th. */
    private static final Instant EVENING_BAR = Instant.parse("2026-11-25T01:55:00Z");

    @Test
    void aRefusalCountsOnItsBarsNewYorkDay() {
        Order order = Order.fromRequest(OrderRequest.builder("alice", "AAPL", OrderSide.BUY, EVENING_BAR, BigDecimal.TEN)
                .quantity(1).timeInForce(TimeInForce.GTC).build(), 1, null, EVENING_BAR.plusSeconds(300));

        RefusalCount one = RefusalCount.of(order, new RiskDenial("kill switch", "kill switch engaged"));

        assertEquals(new RefusalCount("alice", LocalDate.of(2026, 11, 24), "kill switch", 1, "kill switch engaged", EVENING_BAR.plusSeconds(300)),
                one);
    }

    @Test
    void countsOfTheSameAgentDayAndRuleAddUpWithTheLatestReason() {
        RefusalCount earlier = new RefusalCount("alice", LocalDate.of(2026, 11, 24), "pyramiding", 3, "first", EVENING_BAR);
        RefusalCount later = new RefusalCount("alice", LocalDate.of(2026, 11, 24), "pyramiding", 2, "second", EVENING_BAR.plusSeconds(60));

        assertEquals(new RefusalCount("alice", LocalDate.of(2026, 11, 24), "pyramiding", 5, "second", EVENING_BAR.plusSeconds(60)),
                earlier.plus(later));
        assertThrows(IllegalArgumentException.class, () -> earlier.plus(
                new RefusalCount("bob", LocalDate.of(2026, 11, 24), "pyramiding", 1, "other", EVENING_BAR)));
        assertThrows(IllegalArgumentException.class, () -> new RefusalCount("alice", LocalDate.of(2026, 11, 24), "pyramiding", 0, "none",
                EVENING_BAR));
    }
}
