package com.papertrader.application.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TestBars;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingChangesTest {

    private static final Instant BAR = TestBars.at(2026, 3, 4, 9, 30);
    private static final Instant NOW = BAR.plusSeconds(300);

    @Test
    void aRefusedOrderNotKeptStillSavesTheAccountItsChecksHalted() {
        Account alice = new Broker(Clock.fixed(NOW, ZoneOffset.UTC), FillModel.of(MarketCalendar.nyse()), FeeModel.free())
                .openAccount("alice", new BigDecimal("100000"), BigDecimal.ONE);
        Order order = Order.fromRequest(OrderRequest.builder("alice", "TEST", OrderSide.BUY, BAR, BigDecimal.TEN)
                .quantity(10).timeInForce(TimeInForce.GTC).build(), 10, null, NOW);
        String reason = "account alice is halted for 2026-03-04: day P&L breached the max daily loss";
        order.reject(reason, NOW, NOW);
        BrokerChanges halted = new BrokerChanges(List.of(order), order.events(), List.of(), List.of(), List.of(alice), List.of(), List.of(),
                List.of(), List.of(order), List.of());
        TradingChanges changes = new TradingChanges(0, 0);

        changes.add(TestBars.closes("TEST", BAR, 10).get(0), new BarChanges(List.of(halted),
                List.of(new SubmitResult.Rejected(order, new RiskDenial("trading halt", reason), halted)), ScanOutcome.ordersOnly(List.of())));

        assertEquals(List.of(alice), changes.broker().stream().flatMap(change -> change.accounts().stream()).toList(), "the halt is saved");
        assertTrue(changes.broker().stream().allMatch(change -> change.orders().isEmpty() && change.events().isEmpty() && change.placed().isEmpty()),
                "the order is not");
        assertEquals(1, changes.refusalCounts().iterator().next().refusals());
        assertTrue(changes.saved().orders().isEmpty(), "nor told to the live pages");
    }
}
