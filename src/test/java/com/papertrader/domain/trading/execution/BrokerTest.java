package com.papertrader.domain.trading.execution;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.bar;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderEvent;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderRole;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.order.OrderType;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.order.Trail;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.portfolio.PositionSide;
import com.papertrader.domain.trading.risk.AccountHalt;
import com.papertrader.domain.trading.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The broker end to end over hand-made bars. The scanner's part is played by the test: after each bar is processed,
 * signals of that bar are submitted with the clock at the bar's close. Every amount is computed by hand in comments.
 */
class BrokerTest {

    private static final Instant B1 = TUESDAY_OPEN;            // 09:30 New York
    private static final Instant B2 = minutesAfter(B1, 5);     // 09:35
    private static final Instant B3 = minutesAfter(B1, 10);
    private static final Instant B4 = minutesAfter(B1, 15);
    private static final Instant B5 = minutesAfter(B1, 20);

    private final MutableClock clock = new MutableClock(B2);

    // ---- end to end ----

    @Test
    void signalToOrderToFillToPositionToMarksToEquityWithSlippageAndCommission() {
        Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()).withSlippage(d("5")),
                new PerShareFeeModel(d("0.005"), d("1.00")));
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withMaxPositionNotional(d("50000")));
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);

        assertTrue(broker.onBar(bar("AAPL", B1, "149.80", "150.20", "149.50", "150.00")).isEmpty());
        SubmitResult.Accepted buy = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "150.00")
                .quantity(300).reason("sma 10/30 cross").scriptHash("v1").build()));
        assertEquals(Instant.parse("2026-11-24T21:00:00Z"), buy.order().expiresAt());
        assertEquals(List.of(OrderStatus.NEW, OrderStatus.ACCEPTED), buy.changes().events().stream().map(OrderEvent::status).toList());

        BrokerChanges filled = broker.onBar(bar("AAPL", B2, "150.00", "151.00", "149.50", "150.60"));
        // 150.00 + 5 bps = 150.0750; 300 shares = 45,022.50; commission 300 x 0.005 = 1.50
        assertEquals(1, filled.fills().size());
        assertEquals("150.0750", filled.fills().get(0).price().toPlainString());
        assertEquals("1.50", filled.fills().get(0).commission().toPlainString());
        assertEquals(OrderStatus.FILLED, buy.order().status());
        Position position = broker.position("alice", "AAPL").orElseThrow();
        assertEquals("150.0750", position.averagePrice().toPlainString());
        assertEquals("45024.00", position.costBasis().toPlainString());
        assertEquals("45180.00", position.marketValue().toPlainString());   // 300 x 150.60
        assertEquals("156.00", position.unrealizedPnl().toPlainString());
        assertEquals("54976.00", alice.cash().toPlainString());
        assertEquals("100156.00", alice.equity().toPlainString());
        EquitySnapshot snapshot = filled.snapshots().get(0);
        assertEquals("alice@2026-11-24T14:40:00Z", snapshot.id());
        assertEquals("100156.00", snapshot.equity().toPlainString());
        assertEquals(List.of(position), filled.positions());
        assertEquals(List.of(alice), filled.accounts());

        clock.set(B4);
        broker.onBar(bar("AAPL", B3, "150.70", "152.00", "150.50", "151.90"));
        assertEquals("546.00", position.unrealizedPnl().toPlainString()); // 45,570.00 - 45,024.00
        assertEquals("100546.00", alice.equity().toPlainString());
        assertEquals("546.00", alice.dayPnl().toPlainString());

        SubmitResult.Accepted sell = accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, B3, "151.90").build()));
        assertEquals(300, sell.order().quantity()); // no size on an exit: the whole position

        clock.set(B5);
        BrokerChanges closed = broker.onBar(bar("AAPL", B4, "152.00", "152.50", "151.50", "152.20"));
        // 152.00 - 5 bps = 151.9240; 300 shares = 45,577.20; minus 1.50 = 45,575.70; less the basis 45,024.00
        assertEquals("151.9240", closed.fills().get(0).price().toPlainString());
        assertEquals("551.70", position.realizedPnl().toPlainString());
        assertFalse(position.isOpen());
        assertEquals(B4, position.closedAt());
        assertTrue(broker.openPositions().isEmpty());
        assertEquals("100551.70", alice.cash().toPlainString());
        assertEquals("100551.70", alice.equity().toPlainString());
        assertEquals("551.70", alice.realizedPnl().toPlainString());
        assertEquals("0.00", alice.unrealizedPnl().toPlainString());
        assertTrue(broker.liveOrders().isEmpty());
    }

    @Test
    void shortSaleAndCover() {
        Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()), new PerOrderFeeModel(d("1.00")));
        Account bob = broker.openAccount("bob", d("100000"), BigDecimal.ONE);
        accepted(broker.submit(signal("bob", "TSLA", OrderSide.SELL_SHORT, B1, "50.10").quantity(200).build()));

        broker.onBar(bar("TSLA", B2, "50.00", "50.20", "48.90", "49.00"));
        Position shortTsla = broker.position("bob", "TSLA").orElseThrow();
        assertEquals(PositionSide.SHORT, shortTsla.side());
        assertEquals("109999.00", bob.cash().toPlainString());       // 10,000.00 - 1.00 commission
        assertEquals("199.00", shortTsla.unrealizedPnl().toPlainString()); // 9,999.00 - 9,800.00
        assertEquals("100199.00", bob.equity().toPlainString());
        assertEquals("9800.00", bob.shortMarketValue().toPlainString());

        clock.set(B3);
        accepted(broker.submit(signal("bob", "TSLA", OrderSide.BUY_TO_COVER, B2, "49.00").build()));
        broker.onBar(bar("TSLA", B3, "48.50", "48.80", "48.20", "48.60"));
        assertEquals("298.00", shortTsla.realizedPnl().toPlainString()); // 9,999.00 - (9,700.00 + 1.00)
        assertEquals("100298.00", bob.cash().toPlainString());
        assertEquals("100298.00", bob.equity().toPlainString());
    }

    @Test
    void scaleInAndScaleOutThroughTheBroker() {
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withPyramiding(true));
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "10").quantity(100).build()));
        broker.onBar(bar("AAPL", B2, "10.00", "10.10", "9.90", "10.00"));
        clock.set(B3);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B2, "10").quantity(50).build()));
        broker.onBar(bar("AAPL", B3, "11.00", "11.10", "10.90", "11.00"));
        Position position = broker.position("alice", "AAPL").orElseThrow();
        assertEquals("10.3333", position.averagePrice().toPlainString());
        assertEquals("1550.00", position.costBasis().toPlainString());

        clock.set(B4);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, B3, "11").quantity(50).build()));
        broker.onBar(bar("AAPL", B4, "12.00", "12.10", "11.90", "12.00"));
        assertEquals("83.33", position.realizedPnl().toPlainString()); // 600.00 - 1550.00 / 3 (516.67)
        assertEquals(100, position.quantity());
        assertEquals("83.33", alice.realizedPnl().toPlainString());
        assertEquals("99050.00", alice.cash().toPlainString());    // 100,000 - 1,000 - 550 + 600
        assertEquals("1200.00", alice.longMarketValue().toPlainString());
        assertEquals("100250.00", alice.equity().toPlainString()); // 100,000 + 83.33 realized + 166.67 unrealized
    }

    // ---- sizing ----

    @Test
    void entriesAreSizedFromTheNotionalOrTheAgentsPositionSize() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        assertEquals(66, accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "150").notional(d("10000")).build()))
                .order().quantity());
        broker.setRiskLimits("bob", RiskLimits.DEFAULTS.withPositionSizePercent(d("5")));
        broker.openAccount("bob", d("100000"), BigDecimal.ONE);
        assertEquals(33, accepted(broker.submit(signal("bob", "AAPL", OrderSide.BUY, B1, "150").build())).order().quantity());
    }

    // ---- brackets and OCO ----

    @Test
    void bracketLegsWaitForTheParentThenOneCancelsTheOther() {
        Broker broker = freeBroker();
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(bracket("95", "110")));
        Order stop = entry.bracketLegs().get(0);
        Order target = entry.bracketLegs().get(1);
        assertEquals(OrderRole.STOP_LOSS, stop.role());
        assertEquals(OrderStatus.NEW, stop.status());
        assertEquals(3, entry.changes().orders().size());
        assertEquals(4, entry.changes().events().size()); // entry NEW + ACCEPTED, each leg NEW

        // the entry fills at the open; its legs can act from the next bar only, so this bar's low does not stop it out
        BrokerChanges entryFill = broker.onBar(bar("AAPL", B2, "100.00", "100.50", "94.00", "100.00"));
        assertEquals(OrderStatus.ACCEPTED, stop.status());
        assertEquals(100, stop.quantity());
        assertEquals("parent alice|AAPL|2026-11-24T14:30:00Z|0 filled 100 @ 100.0000", stop.lastEvent().cause());
        assertTrue(entryFill.orders().containsAll(List.of(entry.order(), stop, target)));

        broker.onBar(bar("AAPL", B3, "101.00", "110.50", "100.90", "109.00"));
        assertEquals(OrderStatus.FILLED, target.status());
        assertEquals("110.0000", target.averageFillPrice().toPlainString());
        assertEquals(OrderStatus.CANCELED, stop.status());
        assertEquals("canceled: one-cancels-other: alice|AAPL|2026-11-24T14:30:00Z|0|TP filled", stop.lastEvent().cause());
        assertEquals("101000.00", alice.cash().toPlainString());
        assertTrue(broker.liveOrders().isEmpty());
    }

    // ---- a person's commands ----

    @Test
    void aManualCloseFillsAtTheNextBarsOpenAndCancelsTheBracket() {
        Broker broker = freeBroker();
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(bracket("95", "110")));
        broker.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));
        clock.set(B3);

        BrokerChanges placed = broker.closePosition("alice", "AAPL", "manual: closed by admin");
        Order close = placed.orders().get(0);
        assertEquals("alice|AAPL|" + B3 + "|MANUAL", close.id());
        assertEquals(OrderRole.FLATTEN, close.role());
        assertEquals(OrderSide.SELL, close.side());
        assertEquals(100, close.quantity());
        assertEquals(OrderStatus.ACCEPTED, close.status());
        assertEquals("manual: closed by admin", close.reason());
        assertEquals("A close of the AAPL position in account alice is working already",
                assertThrows(IllegalStateException.class, () -> broker.closePosition("alice", "AAPL", "again")).getMessage());

        BrokerChanges filled = broker.onBar(bar("AAPL", B3, "102.00", "102.50", "101.50", "102.00"));
        assertEquals(1, filled.fills().size(), "the bar that starts when the close was placed fills it");
        assertEquals("102.0000", filled.fills().get(0).price().toPlainString());
        assertTrue(broker.position("alice", "AAPL").isEmpty());
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(0).status());
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(1).status());
        assertEquals("100200.00", alice.cash().toPlainString(), "bought at 100.00, sold at 102.00, no fees");
        assertTrue(broker.liveOrders().isEmpty());
        assertEquals("No open position in AAPL in account alice",
                assertThrows(IllegalArgumentException.class, () -> broker.closePosition("alice", "AAPL", "again")).getMessage());
    }

    // ---- cool-down ----

    @Test
    void anAgentThatLostItsLimitInARowTodayOpensNothingMoreThatDayEvenAfterARestart() {
        Broker broker = coolingBroker();
        List<Position> closed = new ArrayList<>();
        closed.addAll(losingRoundTrip(broker, B1));
        closed.addAll(losingRoundTrip(broker, minutesAfter(B1, 15)));

        Instant third = minutesAfter(B1, 30);
        clock.set(minutesAfter(third, 5));
        String coolDown = "cool-down: 2 losing trades in a row today (limit 2); no new entries until the next trading day";
        assertEquals(coolDown, rejected(broker.submit(signal("alice", "AAPL", OrderSide.BUY, third, "100").quantity(10).build())).reason());

        Broker restarted = coolingBroker();
        restarted.rememberClosed(closed);
        assertEquals(coolDown, rejected(restarted.submit(signal("alice", "AAPL", OrderSide.BUY, third, "100").quantity(10).build())).reason(),
                "the day's streak is counted again from the positions closed");

        Instant nextDay = Instant.parse("2026-11-25T14:30:00Z");
        clock.set(minutesAfter(nextDay, 5));
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, nextDay, "100").quantity(10).build()));
    }

    @Test
    void aWinningTripEndsTheLosingStreak() {
        Broker broker = coolingBroker();
        losingRoundTrip(broker, B1);
        roundTrip(broker, minutesAfter(B1, 15), "100", "101");
        losingRoundTrip(broker, minutesAfter(B1, 30));

        Instant next = minutesAfter(B1, 45);
        clock.set(minutesAfter(next, 5));
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, next, "100").quantity(10).build()));
    }

    // ---- max-drawdown lock ----

    @Test
    void anAccountThatFellItsMaxDrawdownFromItsPeakOpensNothingUntilTheLockIsReleasedButExits() {
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withMaxDrawdownPercent(new BigDecimal("1")));
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        Instant entryBar = minutesAfter(B1, 5);
        clock.set(entryBar);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(100).build()));
        broker.onBar(bar("AAPL", entryBar, "100", "102", "100", "102")); // bought at 100, equity peaks at 100,200
        Instant fallBar = minutesAfter(B1, 10);
        clock.set(fallBar);
        broker.onBar(bar("AAPL", fallBar, "101", "101", "90", "91")); // equity 99,100: 1.10 % below the peak
        assertEquals("100200.00", alice.peakEquity().toPlainString());

        String locked = "account alice is locked since " + fallBar + ": equity 99100.00 is 1.10% below its peak of 100200.00"
                + " (max drawdown 1%); an admin releases the lock";
        assertEquals(locked, rejected(broker.submit(signal("alice", "MSFT", OrderSide.BUY, fallBar, "50").quantity(10).build())).reason());
        Instant nextDay = Instant.parse("2026-11-25T14:30:00Z");
        clock.set(minutesAfter(nextDay, 5));
        assertEquals(locked, rejected(broker.submit(signal("alice", "MSFT", OrderSide.BUY, nextDay, "50").quantity(10).build())).reason(),
                "a lock, unlike the daily halt, does not lift by itself");
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, nextDay, "91").quantity(100).build()));

        alice.releaseLock();
        assertEquals(alice.equity(), alice.peakEquity(), "measured afresh from the equity at the release");
        Instant later = minutesAfter(nextDay, 5);
        clock.set(minutesAfter(later, 5));
        accepted(broker.submit(signal("alice", "MSFT", OrderSide.BUY, later, "50").quantity(10).build()));
    }

    private Broker coolingBroker() {
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withCoolDownAfterLosses(2));
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        return broker;
    }

    /** Buys 10 at 100 at the open after {@code signalBar}, sells them at 99 the bar after: the positions it changed. */
    private List<Position> losingRoundTrip(Broker broker, Instant signalBar) {
        return roundTrip(broker, signalBar, "100", "99");
    }

    private List<Position> roundTrip(Broker broker, Instant signalBar, String buy, String sell) {
        Instant entryBar = minutesAfter(signalBar, 5);
        Instant exitBar = minutesAfter(signalBar, 10);
        clock.set(entryBar);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, signalBar, buy).quantity(10).build()));
        broker.onBar(bar("AAPL", entryBar, buy, buy, buy, buy));
        clock.set(exitBar);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, entryBar, sell).quantity(10).build()));
        List<Position> changed = broker.onBar(bar("AAPL", exitBar, sell, sell, sell, sell)).positions();
        assertTrue(broker.position("alice", "AAPL").isEmpty(), "the round trip closed the position");
        return changed;
    }

    // ---- trailing stops ----

    @Test
    void aTrailingStopFollowsTheBestHighAfterTheEntryAndFillsAtTheOpenWhenABarGapsThroughIt() {
        Broker broker = freeBroker();
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(10)
                .trailingStop(Trail.percent(d("5"))).takeProfit(d("130")).build()));
        Order trailing = entry.bracketLegs().get(0);
        assertEquals(OrderType.TRAILING_STOP, trailing.type());

        broker.onBar(bar("AAPL", B2, "100.00", "103.00", "99.50", "102.00")); // bought at the open, 100.00
        assertEquals("95.0000", trailing.stopPrice().toPlainString(), "5 % under the fill; the entry bar's high does not count");
        clock.set(B3);
        broker.onBar(bar("AAPL", B3, "102.00", "110.00", "101.00", "108.00"));
        assertEquals("110.0000", trailing.bestPrice().toPlainString());
        assertEquals("104.5000", trailing.stopPrice().toPlainString(), "5 % under the best high since the entry");
        clock.set(B4);
        BrokerChanges quiet = broker.onBar(bar("AAPL", B4, "108.00", "109.00", "105.00", "106.00"));
        assertEquals("104.5000", trailing.stopPrice().toPlainString(), "a lower high never loosens it");
        assertTrue(quiet.orders().stream().noneMatch(order -> order.id().equals(trailing.id())), "nothing moved, nothing to save");
        clock.set(B5);
        broker.onBar(bar("AAPL", B5, "101.00", "102.00", "99.00", "100.00")); // opens below the stop

        assertEquals(OrderStatus.FILLED, trailing.status());
        assertEquals("101.0000", trailing.averageFillPrice().toPlainString(), "a gap through the stop fills at the open");
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(1).status(), "the take profit is canceled with it");
        assertEquals("10.00", alice.realizedPnl().toPlainString());
    }

    @Test
    void aShortsTrailingStopByAnAmountFollowsTheLowestLowAndFillsAtTheStopWhenTouched() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), new BigDecimal("2"));
        SubmitResult.Accepted entry = accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL_SHORT, B1, "50").quantity(10)
                .trailingStop(Trail.amount(d("2"))).build()));
        Order trailing = entry.bracketLegs().get(0);

        broker.onBar(bar("AAPL", B2, "50.00", "50.50", "49.00", "49.50")); // shorted at 50.00
        assertEquals("52.0000", trailing.stopPrice().toPlainString());
        clock.set(B3);
        broker.onBar(bar("AAPL", B3, "49.00", "49.50", "45.00", "46.00"));
        assertEquals("47.0000", trailing.stopPrice().toPlainString(), "$2 over the lowest low since the entry");
        clock.set(B4);
        broker.onBar(bar("AAPL", B4, "46.00", "47.50", "45.50", "47.20"));

        assertEquals("47.0000", trailing.averageFillPrice().toPlainString(), "touched: filled at the stop");
        assertEquals("30.00", broker.account("alice").orElseThrow().realizedPnl().toPlainString());
    }

    @Test
    void aTrailingStopIsRefusedBesideAStopLoss() {
        assertEquals("Order request of agent alice for AAPL: give a stop loss or a trailing stop, not both",
                assertThrows(IllegalArgumentException.class, () -> signal("alice", "AAPL", OrderSide.BUY, B1, "100")
                        .stopLoss(d("95")).trailingStop(Trail.percent(d("5"))).build()).getMessage());
    }

    @Test
    void whenOneBarTouchesBothLegsTheStopLossWins() {
        Broker broker = freeBroker();
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(bracket("95", "110")));
        broker.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));

        broker.onBar(bar("AAPL", B3, "100.00", "111.00", "94.00", "100.00"));
        assertEquals(OrderStatus.FILLED, entry.bracketLegs().get(0).status());
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(1).status());
        assertEquals("99500.00", alice.cash().toPlainString()); // bought at 100.00, stopped at 95.00
        assertEquals("-500.00", alice.realizedPnl().toPlainString());
    }

    @Test
    void theTakeProfitWinsWhenConfigured() {
        Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()).withSameBarExits(SameBarExits.TAKE_PROFIT_FIRST),
                FeeModel.free());
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(bracket("95", "110")));
        broker.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));

        broker.onBar(bar("AAPL", B3, "100.00", "111.00", "94.00", "100.00"));
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(0).status());
        assertEquals(OrderStatus.FILLED, entry.bracketLegs().get(1).status());
        assertEquals("101000.00", alice.cash().toPlainString());
    }

    @Test
    void aGapThroughTheStopFillsAtTheOpen() {
        Broker broker = freeBroker();
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        accepted(broker.submit(bracket("95", "110")));
        broker.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));

        broker.onBar(bar("AAPL", B3, "93.00", "94.00", "92.00", "93.50"));
        assertEquals("-700.00", alice.realizedPnl().toPlainString()); // stopped at the 93.00 open, not at 95.00
    }

    @Test
    void legsDefaultToTheAgentsPercentsAroundTheExpectedPrice() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withBracketPercents(d("2"), d("5")));
        List<Order> longLegs = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(10).build()))
                .bracketLegs();
        assertEquals("98.0000", longLegs.get(0).stopPrice().toPlainString());
        assertEquals("105.0000", longLegs.get(1).limitPrice().toPlainString());

        List<Order> shortLegs = accepted(broker.submit(signal("alice", "MSFT", OrderSide.SELL_SHORT, B1, "100").quantity(10).build()))
                .bracketLegs();
        assertEquals(OrderSide.BUY_TO_COVER, shortLegs.get(0).side());
        assertEquals("102.0000", shortLegs.get(0).stopPrice().toPlainString());
        assertEquals("95.0000", shortLegs.get(1).limitPrice().toPlainString());
    }

    @Test
    void cancelingAnUnfilledParentCancelsItsLegs() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100")
                .quantity(10).limit(d("98")).stopLoss(d("95")).build()));
        BrokerChanges changes = broker.cancel(entry.order().id(), "agent disabled");
        assertEquals("canceled: agent disabled", entry.order().lastEvent().cause());
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(0).status());
        assertEquals("canceled: parent alice|AAPL|2026-11-24T14:30:00Z|0 CANCELED", entry.bracketLegs().get(0).lastEvent().cause());
        assertEquals(2, changes.orders().size());
        assertTrue(broker.liveOrders().isEmpty());
    }

    // ---- never through zero ----

    @Test
    void exitsAreTrimmedToThePositionAndTheRestCanceled() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(bracket("95", "110")));
        broker.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));
        clock.set(B3);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, B2, "100").quantity(60).build()));
        broker.onBar(bar("AAPL", B3, "100.00", "100.50", "99.50", "100.00"));
        assertEquals(40, broker.position("alice", "AAPL").orElseThrow().quantity());

        broker.onBar(bar("AAPL", B4, "100.00", "111.00", "99.50", "100.00")); // take profit for 100, only 40 held
        Order target = entry.bracketLegs().get(1);
        assertEquals(40, target.filledQuantity());
        assertEquals(OrderStatus.CANCELED, target.status());
        assertEquals("canceled: position AAPL closed", target.lastEvent().cause());
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(0).status());
        assertTrue(broker.openPositions().isEmpty());
    }

    @Test
    void aSellLargerThanThePositionIsRejected() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(100).build()));
        broker.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));
        clock.set(B3);
        SubmitResult.Rejected rejected = rejected(broker.submit(signal("alice", "AAPL", OrderSide.SELL, B2, "100").quantity(150).build()));
        assertEquals("sell 150 AAPL exceeds the LONG position of 100 shares (orders never cross through zero)", rejected.reason());
    }

    // ---- partial fills ----

    @Test
    void aVolumeCapSharedByAllOrdersOnABarLeavesTheRestWorking() {
        Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()).withVolumeCap(d("10")),
                new PerShareFeeModel(d("0.005"), d("1.00")));
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        broker.openAccount("bob", d("100000"), BigDecimal.ONE);
        Order aliceBuy = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "20").quantity(500).build())).order();
        Order bobBuy = accepted(broker.submit(signal("bob", "AAPL", OrderSide.BUY, B1, "20").quantity(200).build())).order();

        broker.onBar(bar("AAPL", B2, "20.00", "20.10", "19.90", "20.00", "3000")); // 300 shares for everyone
        assertEquals(OrderStatus.PARTIALLY_FILLED, aliceBuy.status());
        assertEquals(300, aliceBuy.filledQuantity());
        assertEquals(OrderStatus.ACCEPTED, bobBuy.status());

        broker.onBar(bar("AAPL", B3, "20.50", "20.60", "20.40", "20.50", "2500")); // 250 shares
        assertEquals(OrderStatus.FILLED, aliceBuy.status());
        assertEquals("20.2000", aliceBuy.averageFillPrice().toPlainString()); // (300 x 20.00 + 200 x 20.50) / 500
        assertEquals("2.50", aliceBuy.commission().toPlainString());           // 1.50 then 1.00
        assertEquals("89897.50", alice.cash().toPlainString());                // 100,000 - 6,000 - 4,100 - 2.50
        assertEquals("10102.50", broker.position("alice", "AAPL").orElseThrow().costBasis().toPlainString());
        assertEquals(OrderStatus.PARTIALLY_FILLED, bobBuy.status());
        assertEquals(50, bobBuy.filledQuantity());
        assertEquals("1.00", bobBuy.commission().toPlainString()); // the minimum
    }

    @Test
    void aPartlyFilledParentThatExpiresReleasesItsLegsForWhatItFilled() {
        Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()).withVolumeCap(d("10")), FeeModel.free());
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "20")
                .quantity(500).stopLoss(d("19")).build()));
        broker.onBar(bar("AAPL", B2, "20.00", "20.10", "19.90", "20.00", "3000"));

        BrokerChanges expired = broker.expireDayOrders(Instant.parse("2026-11-24T21:00:00Z"));
        assertEquals(OrderStatus.EXPIRED, entry.order().status());
        Order stop = entry.bracketLegs().get(0);
        assertEquals(OrderStatus.ACCEPTED, stop.status());
        assertEquals(300, stop.quantity());
        assertEquals(List.of(entry.order(), stop), expired.orders());
    }

    // ---- time in force and market hours ----

    @Test
    void dayOrdersExpireAtTheEarlyClose() {
        clock.set(Instant.parse("2026-11-27T15:00:00Z")); // 10:00 on the day after Thanksgiving
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withPyramiding(true));
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        Instant signalBar = Instant.parse("2026-11-27T14:55:00Z");
        Order day = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, signalBar, "100").quantity(10).limit(d("90")).build())).order();
        Order gtc = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, signalBar, "100").signalIndex(1)
                .quantity(10).limit(d("90")).timeInForce(TimeInForce.GTC).build())).order();
        Order otherTicker = accepted(broker.submit(signal("alice", "MSFT", OrderSide.BUY, signalBar, "100").quantity(10)
                .limit(d("90")).build())).order();
        assertEquals(Instant.parse("2026-11-27T18:00:00Z"), day.expiresAt());

        BrokerChanges lastBar = broker.onBar(bar("AAPL", Instant.parse("2026-11-27T17:55:00Z"), "100", "100.50", "95", "99"));
        assertEquals(OrderStatus.EXPIRED, day.status());
        assertEquals(Instant.parse("2026-11-27T18:00:00Z"), day.lastEvent().occurredAt());
        assertEquals("expired at the close (DAY)", day.lastEvent().cause());
        assertEquals(List.of(day), lastBar.orders());
        assertEquals(OrderStatus.ACCEPTED, gtc.status());
        assertEquals(OrderStatus.ACCEPTED, otherTicker.status()); // its own ticker's bar or the clock tick expires it

        broker.expireDayOrders(Instant.parse("2026-11-27T18:00:00Z"));
        assertEquals(OrderStatus.EXPIRED, otherTicker.status());
        assertEquals(OrderStatus.ACCEPTED, gtc.status());
    }

    @Test
    void anOrderPlacedAtTheCloseWaitsForTheNextOpenPastClosedMarkets() {
        clock.set(Instant.parse("2026-11-25T21:00:00Z")); // Wednesday's close, Thanksgiving next
        Broker broker = freeBroker();
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        Order buy = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, Instant.parse("2026-11-25T20:55:00Z"), "100")
                .quantity(10).build())).order();
        assertEquals(Instant.parse("2026-11-27T18:00:00Z"), buy.expiresAt()); // good for Friday's short session

        broker.onBar(bar("AAPL", Instant.parse("2026-11-25T21:00:00Z"), "100", "100", "100", "100")); // after hours
        broker.onBar(bar("AAPL", Instant.parse("2026-11-26T15:00:00Z"), "100", "100", "100", "100")); // Thanksgiving
        assertEquals(OrderStatus.ACCEPTED, buy.status());

        broker.onBar(bar("AAPL", Instant.parse("2026-11-27T14:30:00Z"), "101.00", "101.50", "100.50", "101.20"));
        assertEquals(OrderStatus.FILLED, buy.status());
        assertEquals("98990.00", alice.cash().toPlainString());
    }

    // ---- end-of-day flatten ----

    @Test
    void positionsAreFlattenedBeforeTheEarlyClose() {
        clock.set(Instant.parse("2026-11-27T15:00:00Z"));
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withFlattenMinutesBeforeClose(15));
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        SubmitResult.Accepted entry = accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY,
                Instant.parse("2026-11-27T14:55:00Z"), "100").quantity(100).stopLoss(d("95")).build()));
        broker.onBar(bar("AAPL", Instant.parse("2026-11-27T15:00:00Z"), "100.00", "100.20", "99.80", "100.00"));

        BrokerChanges before = broker.onBar(bar("AAPL", Instant.parse("2026-11-27T17:35:00Z"), "100.00", "100.40", "99.80", "100.20"));
        assertTrue(before.orders().isEmpty()); // 12:40 close: still outside the 15 minutes before 13:00

        BrokerChanges window = broker.onBar(bar("AAPL", Instant.parse("2026-11-27T17:40:00Z"), "100.20", "100.50", "100.10", "100.40"));
        Order stop = entry.bracketLegs().get(0);
        assertEquals(OrderStatus.CANCELED, stop.status());
        assertEquals("canceled: end-of-day flatten 15 minutes before the close at 2026-11-27T18:00:00Z", stop.lastEvent().cause());
        Order flatten = window.orders().stream().filter(order -> order.role() == OrderRole.FLATTEN).findFirst().orElseThrow();
        assertEquals("alice|AAPL|2026-11-27T17:40:00Z|EOD", flatten.id());
        assertEquals(OrderSide.SELL, flatten.side());
        assertEquals(OrderType.MARKET, flatten.type());
        assertEquals(100, flatten.quantity());
        assertEquals(OrderStatus.ACCEPTED, flatten.status());

        clock.set(Instant.parse("2026-11-27T17:46:00Z"));
        assertEquals("no new entries in the last 15 minutes before the close at 2026-11-27T18:00:00Z (end-of-day flatten)",
                rejected(broker.submit(signal("alice", "MSFT", OrderSide.BUY, Instant.parse("2026-11-27T17:40:00Z"), "50")
                        .quantity(10).build())).reason());

        broker.onBar(bar("AAPL", Instant.parse("2026-11-27T17:45:00Z"), "100.30", "100.60", "100.20", "100.50"));
        assertEquals(OrderStatus.FILLED, flatten.status());
        assertTrue(broker.openPositions().isEmpty());
        assertEquals("30.00", alice.realizedPnl().toPlainString());
    }

    // ---- idempotency, rejections, halts, restart ----

    @Test
    void aSecondOrderWithTheSameClientIdIsRefused() {
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withPyramiding(true));
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        OrderRequest request = signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(10).build();
        accepted(broker.submit(request));

        SubmitResult again = broker.submit(request);
        assertEquals(new SubmitResult.Duplicate(request.orderId()), again);
        assertTrue(again.changes().isEmpty());
        assertEquals(1, broker.liveOrders().size());
        assertInstanceOf(SubmitResult.Accepted.class,
                broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(10).signalIndex(1).build()),
                "another signal of the same bar is another order");
    }

    @Test
    void aRejectedOrderIsKeptWithItsReason() {
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withMaxPositionNotional(null).withMaxPositionShares(null));
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        OrderRequest tooBig = signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(1001).build();

        SubmitResult.Rejected rejected = rejected(broker.submit(tooBig));
        assertEquals("needs buying power of 100100.00 but account alice has 100000.00 available", rejected.reason());
        assertEquals(OrderStatus.REJECTED, rejected.order().status());
        assertEquals("rejected: needs buying power of 100100.00 but account alice has 100000.00 available",
                rejected.order().lastEvent().cause());
        assertEquals(List.of(rejected.order()), rejected.changes().orders());
        assertEquals(2, rejected.changes().events().size());
        assertTrue(broker.liveOrders().isEmpty());
        assertInstanceOf(SubmitResult.Duplicate.class, broker.submit(tooBig));

        assertEquals("unknown account nobody", rejected(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100")
                .account("nobody").signalIndex(1).build())).reason());
    }

    @Test
    void theMaxDailyLossHaltsEntriesForTheDayButNotExits() {
        Broker broker = freeBroker();
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withMaxDailyLoss(d("500")).withMaxPositionNotional(null));
        Account alice = broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "50").quantity(1000).build()));
        broker.onBar(bar("AAPL", B2, "50.00", "50.10", "49.30", "49.40"));
        assertEquals("-600.00", alice.dayPnl().toPlainString());

        clock.set(B3);
        SubmitResult.Rejected halted = rejected(broker.submit(signal("alice", "MSFT", OrderSide.BUY, B2, "10").quantity(10).build()));
        assertEquals("account alice is halted for 2026-11-24: day P&L -600.00 breached the max daily loss of 500.00", halted.reason());
        assertEquals(List.of(alice), halted.changes().accounts());
        assertEquals(List.of(new AccountHalt("alice", AccountHalt.Kind.DAILY_LOSS, "day P&L -600.00 breached the max daily loss of 500.00",
                B3)), halted.changes().halts(), "the halt is told once, when it happens");
        assertEquals(List.of(), rejected(broker.submit(signal("alice", "NVDA", OrderSide.BUY, B2, "10").quantity(10).build()))
                .changes().halts(), "not again at the next refused entry");
        assertInstanceOf(SubmitResult.Accepted.class,
                broker.submit(signal("alice", "AAPL", OrderSide.SELL, B2, "49.40").quantity(500).build()));

        Instant wednesday = Instant.parse("2026-11-25T14:30:00Z");
        broker.onBar(bar("MSFT", wednesday, "10", "10", "10", "10"));
        assertEquals("99400.00", alice.previousCloseEquity().toPlainString());
        assertEquals("0.00", alice.dayPnl().toPlainString());
        clock.set(minutesAfter(wednesday, 5));
        assertInstanceOf(SubmitResult.Accepted.class,
                broker.submit(signal("alice", "MSFT", OrderSide.BUY, wednesday, "10").quantity(10).build()));
    }

    @Test
    void theKillSwitchStopsEntriesUntilReleased() {
        Broker broker = freeBroker();
        broker.openAccount("alice", d("100000"), BigDecimal.ONE);
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(10).build()));
        broker.onBar(bar("AAPL", B2, "100", "100", "100", "100"));
        clock.set(B3);

        broker.engageKillSwitch();
        assertEquals("kill switch engaged: new entries are refused",
                rejected(broker.submit(signal("alice", "MSFT", OrderSide.BUY, B2, "10").quantity(10).build())).reason());
        accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, B2, "100").build()));
        broker.releaseKillSwitch();
        accepted(broker.submit(signal("alice", "MSFT", OrderSide.BUY, B2, "10").signalIndex(1).quantity(10).build()));
    }

    @Test
    void aRestoredBrokerCarriesOnWhereTheOldOneStopped() {
        Broker before = freeBroker();
        before.openAccount("alice", d("100000"), BigDecimal.ONE);
        OrderRequest request = bracket("95", "110");
        SubmitResult.Accepted entry = accepted(before.submit(request));
        before.onBar(bar("AAPL", B2, "100.00", "100.50", "99.50", "100.00"));

        Broker after = freeBroker();
        List<Order> saved = new ArrayList<>(before.liveOrders());
        saved.add(entry.order()); // filled, remembered for idempotency
        after.restore(before.accounts(), before.openPositions(), saved);
        assertEquals(2, after.liveOrders().size());
        assertInstanceOf(SubmitResult.Duplicate.class, after.submit(request));

        after.onBar(bar("AAPL", B3, "101.00", "110.50", "100.90", "109.00"));
        assertEquals("101000.00", after.account("alice").orElseThrow().cash().toPlainString());
        assertEquals(OrderStatus.CANCELED, entry.bracketLegs().get(0).status());
        assertThrows(IllegalStateException.class, () -> after.restore(List.of(), List.of(), List.of()));
    }

    @Test
    void equityEqualsStartingCashPlusRealizedPlusUnrealizedAfterEveryBar() {
        Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()).withSlippage(d("3")),
                new PerShareFeeModel(d("0.0035"), d("0.35")));
        broker.setRiskLimits("alice", RiskLimits.DEFAULTS.withPyramiding(true));
        Account alice = broker.openAccount("alice", d("25000"), BigDecimal.ONE);
        String[][] bars = {
                {"45.37", "45.90", "45.10", "45.66"}, {"45.71", "46.20", "45.40", "46.05"},
                {"46.01", "46.33", "45.52", "45.58"}, {"45.60", "45.61", "44.87", "44.99"},
                {"44.95", "45.20", "44.80", "45.10"}};
        long[] buys = {137, 61, 0, 0, 0};
        long[] sells = {0, 0, 111, 87, 0};
        for (int i = 0; i < bars.length; i++) {
            Instant start = minutesAfter(B2, 5L * i);
            broker.onBar(bar("AAPL", start, bars[i][0], bars[i][1], bars[i][2], bars[i][3]));
            assertEquals(alice.startingCash().add(alice.realizedPnl()).add(alice.unrealizedPnl()), alice.equity(), "bar " + i);
            clock.set(minutesAfter(start, 5));
            if (buys[i] > 0) {
                accepted(broker.submit(signal("alice", "AAPL", OrderSide.BUY, start, bars[i][3]).quantity(buys[i]).build()));
            }
            if (sells[i] > 0) {
                accepted(broker.submit(signal("alice", "AAPL", OrderSide.SELL, start, bars[i][3]).quantity(sells[i]).build()));
            }
        }
        assertTrue(broker.openPositions().isEmpty());
    }

    private Broker freeBroker() {
        return new Broker(clock, FillModel.of(MarketCalendar.nyse()), FeeModel.free());
    }

    private static OrderRequest bracket(String stopLoss, String takeProfit) {
        return signal("alice", "AAPL", OrderSide.BUY, B1, "100").quantity(100)
                .stopLoss(d(stopLoss)).takeProfit(d(takeProfit)).build();
    }

    private static OrderRequest.Builder signal(String agent, String ticker, OrderSide side, Instant barTime, String close) {
        return OrderRequest.builder(agent, ticker, side, barTime, d(close));
    }

    private static SubmitResult.Accepted accepted(SubmitResult result) {
        return assertInstanceOf(SubmitResult.Accepted.class, result, () -> result.toString());
    }

    private static SubmitResult.Rejected rejected(SubmitResult result) {
        return assertInstanceOf(SubmitResult.Rejected.class, result, () -> result.toString());
    }
}
