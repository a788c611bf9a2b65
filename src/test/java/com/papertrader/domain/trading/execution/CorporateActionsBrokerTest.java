package com.papertrader.domain.trading.execution;

import static com.papertrader.domain.trading.TradingFixtures.TUESDAY_OPEN;
import static com.papertrader.domain.trading.TradingFixtures.bar;
import static com.papertrader.domain.trading.TradingFixtures.d;
import static com.papertrader.domain.trading.TradingFixtures.minutesAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderRole;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.order.Trail;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import com.papertrader.domain.trading.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splits and dividends through the broker, figures worked by hand in the comments. Day one is Tuesday 2026-11-24
 * (a position is opened at 09:35); the actions take effect on Wednesday 2026-11-25, at its 09:30 open.
 */
class CorporateActionsBrokerTest {

    private static final Instant B1 = TUESDAY_OPEN;
    private static final Instant B2 = minutesAfter(B1, 5);
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    private static final Instant WEDNESDAY_OPEN = Instant.parse("2026-11-25T14:30:00Z");

    private final MutableClock clock = new MutableClock(B2);
    private final Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()), FeeModel.free());
    private final List<LedgerEntry> ledger = new ArrayList<>();

    @Test
    void aTenForOneSplitMultipliesTheSharesDividesThePricesAndLeavesTheEquity() {
        Account alice = open("alice");
        Order entry = buy("alice", "AAPL", 100, "250.00", "240.00", "270.00");
        fillAtNextOpen("AAPL", "250.00", "251.50", "249.50", "251.00");
        // bought 100 at 250.00: cost 25,000.00, cash 75,000.00; marked at 251.00: 25,100.00, equity 100,100.00
        assertEquals("100100.00", alice.equity().toPlainString());

        BrokerChanges split = broker.apply(new Split("AAPL", WEDNESDAY, d("1"), d("10"), null), WEDNESDAY_OPEN);

        Position position = broker.position("alice", "AAPL").orElseThrow();
        assertEquals(1000, position.quantity());
        assertEquals("25.0000", position.averagePrice().toPlainString());
        assertEquals("25.1000", position.lastPrice().toPlainString());
        assertEquals("25100.00", position.marketValue().toPlainString());
        assertEquals("25000.00", position.costBasis().toPlainString());
        assertEquals("100.00", position.unrealizedPnl().toPlainString());
        assertEquals("75000.00", alice.cash().toPlainString());
        assertEquals("100100.00", alice.equity().toPlainString(), "a split changes no one's equity");
        Order stop = leg(entry, OrderRole.STOP_LOSS);
        Order target = leg(entry, OrderRole.TAKE_PROFIT);
        assertEquals(1000, stop.quantity());
        assertEquals("24.0000", stop.stopPrice().toPlainString());
        assertEquals(1000, target.quantity());
        assertEquals("27.0000", target.limitPrice().toPlainString());
        assertEquals(OrderStatus.ACCEPTED, stop.status(), "the legs keep working");
        assertEquals("adjusted for the 10-for-1 split of AAPL on 2026-11-25: 100 shares, stop 240.0000 -> 1000 shares, stop 24.0000",
                stop.lastEvent().cause());
        assertEquals(List.of(new Split("AAPL", WEDNESDAY, d("1"), d("10"), null)), split.applied());
        assertTrue(split.ledger().isEmpty(), "no fractional share, no cash");

        // the first bar on the new basis marks the position as usual, and the stop at 24.00 is not touched
        clock.set(minutesAfter(WEDNESDAY_OPEN, 5));
        broker.onBar(bar("AAPL", WEDNESDAY_OPEN, "25.20", "25.40", "25.10", "25.30"));
        assertEquals("25300.00", position.marketValue().toPlainString());
        assertEquals("100300.00", alice.equity().toPlainString());
        assertEquals(OrderStatus.ACCEPTED, stop.status());
    }

    @Test
    void aTrailingStopFollowsATwoForOneSplitOnTheNewBasis() {
        open("alice");
        Order entry = submit(OrderRequest.builder("alice", "AAPL", OrderSide.BUY, B1, d("100.00")).quantity(10)
                .timeInForce(TimeInForce.GTC).trailingStop(Trail.amount(d("2"))).build());
        fillAtNextOpen("AAPL", "100.00", "101.00", "99.50", "100.50"); // bought at 100.00: best 100, stop 98
        Order trailing = leg(entry, OrderRole.STOP_LOSS);
        clock.set(minutesAfter(B2, 5));
        broker.onBar(bar("AAPL", minutesAfter(B2, 5), "100.50", "110.00", "100.00", "109.00")); // best 110, stop 108

        broker.apply(new Split("AAPL", WEDNESDAY, d("1"), d("2"), null), WEDNESDAY_OPEN);

        assertEquals(20, trailing.quantity());
        assertEquals("55.0000", trailing.bestPrice().toPlainString());
        assertEquals("54.0000", trailing.stopPrice().toPlainString());
        assertEquals(Trail.amount(d("1")), trailing.trail().orElseThrow(), "the amount per share halves with the price");
        clock.set(minutesAfter(WEDNESDAY_OPEN, 5));
        broker.onBar(bar("AAPL", WEDNESDAY_OPEN, "55.00", "60.00", "54.50", "59.00"));
        assertEquals("59.0000", trailing.stopPrice().toPlainString(), "$1 under the new best on the new basis");
    }

    @Test
    void aOneForEightReverseSplitPaysTheFractionalShareInCash() {
        Account alice = open("alice");
        buy("alice", "GE", 100, "10.00", null, null);
        fillAtNextOpen("GE", "10.00", "10.60", "9.90", "10.50");
        // bought 100 at 10.00: cost 1,000.00, cash 99,000.00; marked at 10.50: 1,050.00

        take(broker.apply(new Split("GE", WEDNESDAY, d("8"), d("1"), null), WEDNESDAY_OPEN));

        // 100 / 8 = 12.5 shares: 12 kept, 0.5 paid at 10.50 x 8 = 84.00 a share: 42.00, against 1,000.00 x 0.5 / 12.5
        // = 40.00 of cost: 2.00 realized; cost basis 960.00, average 80.0000, market value 12 x 84.00 = 1,008.00
        Position position = broker.position("alice", "GE").orElseThrow();
        assertEquals(12, position.quantity());
        assertEquals("80.0000", position.averagePrice().toPlainString());
        assertEquals("84.0000", position.lastPrice().toPlainString());
        assertEquals("1008.00", position.marketValue().toPlainString());
        assertEquals("960.00", position.costBasis().toPlainString());
        assertEquals("2.00", position.realizedPnl().toPlainString());
        assertEquals("99042.00", alice.cash().toPlainString());
        assertEquals("100050.00", alice.equity().toPlainString(), "99,042.00 + 1,008.00, as before the split");
        LedgerEntry cash = ledger.get(ledger.size() - 1);
        assertEquals(LedgerEntry.Kind.SPLIT_CASH, cash.kind());
        assertEquals("42.00", cash.amount().toPlainString());
        assertEquals("SPLIT|GE|2026-11-25", cash.reference());
        assertLedgerIsTheCash(alice);
    }

    @Test
    void aCashDividendIsReceivedOnALongAndPaidOnAShortOnce() {
        Account alice = open("alice");
        Account bob = open("bob");
        buy("alice", "AAPL", 100, "250.00", null, null);
        submit(OrderRequest.builder("bob", "AAPL", OrderSide.SELL_SHORT, B1, d("250.00")).quantity(50)
                .timeInForce(TimeInForce.GTC).build());
        fillAtNextOpen("AAPL", "250.00", "251.50", "249.50", "251.00");
        CashDividend dividend = new CashDividend("AAPL", WEDNESDAY, LocalDate.of(2026, 11, 30), d("0.26"), "USD", "E1");

        take(broker.apply(dividend, WEDNESDAY_OPEN));
        BrokerChanges again = broker.apply(dividend, WEDNESDAY_OPEN);

        // alice: 100 x 0.26 = 26.00 received; bob: 50 x 0.26 = 13.00 paid on his short
        assertEquals("75026.00", alice.cash().toPlainString());
        assertEquals("112487.00", bob.cash().toPlainString(), "100,000.00 + 50 x 250.00 from the short sale - 13.00");
        assertSame(BrokerChanges.NONE, again, "applied once: the same key changes nothing");
        assertEquals(List.of("26.00", "-13.00"), ledger.stream().filter(entry -> entry.kind() == LedgerEntry.Kind.DIVIDEND)
                .map(entry -> entry.amount().toPlainString()).toList());
        assertLedgerIsTheCash(alice);
        assertLedgerIsTheCash(bob);
    }

    @Test
    void anActionOfATickerNoAccountHoldsIsOnlyMarkedApplied() {
        Account alice = open("alice");

        BrokerChanges changes = broker.apply(new Split("NVDA", WEDNESDAY, d("1"), d("10"), null), WEDNESDAY_OPEN);

        assertEquals(1, changes.applied().size());
        assertTrue(changes.orders().isEmpty() && changes.positions().isEmpty() && changes.accounts().isEmpty());
        assertEquals("100000.00", alice.equity().toPlainString());
    }

    @Test
    void anActionAppliedBeforeARestartIsNotAppliedAgain() {
        broker.rememberApplied(List.of("DIVIDEND|AAPL|2026-11-25"));

        assertSame(BrokerChanges.NONE, broker.apply(new CashDividend("AAPL", WEDNESDAY, null, d("0.26"), "USD", null), WEDNESDAY_OPEN));
    }

    @Test
    void anOrderASplitLeavesWithoutAWholeShareIsCanceled() {
        open("alice");
        Order entry = buy("alice", "GE", 5, "10.00", null, null);

        broker.apply(new Split("GE", WEDNESDAY, d("8"), d("1"), null), WEDNESDAY_OPEN);

        assertEquals(OrderStatus.CANCELED, entry.status());
        assertTrue(entry.lastEvent().cause().contains("leaves no whole share"), entry.lastEvent().cause());
    }

    private Account open(String id) {
        Account account = broker.openAccount(id, d("100000.00"), BigDecimal.ONE);
        ledger.addAll(account.takeNewLedgerEntries());
        return account;
    }

    private Order buy(String account, String ticker, long quantity, String close, String stopLoss, String takeProfit) {
        OrderRequest.Builder request = OrderRequest.builder(account, ticker, OrderSide.BUY, B1, d(close)).quantity(quantity)
                .timeInForce(TimeInForce.GTC);
        if (stopLoss != null) {
            request.stopLoss(d(stopLoss)).takeProfit(d(takeProfit));
        }
        return submit(request.build());
    }

    private Order submit(OrderRequest request) {
        SubmitResult result = broker.submit(request);
        take(result.changes());
        return assertInstanceOf(SubmitResult.Accepted.class, result).order();
    }

    private void fillAtNextOpen(String ticker, String open, String high, String low, String close) {
        take(broker.onBar(bar(ticker, B2, open, high, low, close)));
    }

    private void take(BrokerChanges changes) {
        ledger.addAll(changes.ledger());
    }

    private Order leg(Order entry, OrderRole role) {
        return broker.liveOrders().stream().filter(order -> order.role() == role && order.parentId().orElse("").equals(entry.id()))
                .findFirst().orElseThrow();
    }

    /** Every cash movement is an entry: an account's entries sum to its cash, to the cent. */
    private void assertLedgerIsTheCash(Account account) {
        assertEquals(account.cash(), ledger.stream().filter(entry -> entry.accountId().equals(account.id()))
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
    }
}
