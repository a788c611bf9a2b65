package com.papertrader.application.trading;

import static com.papertrader.application.trading.LiveDesk.BROKEN;
import static com.papertrader.application.trading.LiveDesk.STEPPER;
import static com.papertrader.application.trading.LiveDesk.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.risk.RefusalCount;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar-trading loop on a real broker and scanner, over in-memory stores. */
class BarTradingTest {

    /** Sells five shares on every bar, holding none: the broker refuses each. */
    private static final String SELLS_WHAT_IT_DOES_NOT_HOLD = "function scan(bars, ctx) { return { action: 'sell', qty: 5, reason: 'try' }; }";

    private final LiveDesk desk = new LiveDesk();

    @Test
    void eachBarIsTradedOnceAndItsCursorSavedInTheSameSave() {
        desk.add("stepper", STEPPER);
        List<Bar> bars = day(0, 4);

        TradingSaved first = desk.live(bars);
        int saves = desk.store.saves;
        TradingSaved again = desk.trading.onBars(new BarsIngested(bars, bars.get(0).start()));

        assertEquals(1, first.fills().size(), "bought on the third bar, filled at the fourth's open");
        assertEquals(bars.get(3).start(), desk.store.cursors.get("TEST"));
        assertEquals(TradingSaved.NOTHING, again, "bars not newer than the cursor were traded before");
        assertEquals(saves, desk.store.saves, "and nothing is saved for them");
        assertEquals(1, desk.store.orders.size());
    }

    @Test
    void whatTheScansLeaveIsSavedWithTheBarsTrading() {
        desk.add("broken", BROKEN);
        desk.add("stepper", STEPPER);

        desk.live(day(0, 4));

        assertEquals(AgentState.ERRORED, desk.store.agents.get(AgentId.of("broken")).getState(), "stopped after three failures");
        assertEquals(3, desk.store.scans.stream().filter(scan -> scan.error().isPresent()).count());
        assertEquals(1, desk.store.scans.stream().filter(scan -> scan.error().isEmpty()).count(), "the stepper's signal");
    }

    @Test
    void atAStartTheBarsStoredButNotTradedAreTradedOnce() {
        desk.add("stepper", STEPPER);
        desk.live(day(0, 2));
        desk.bars.upsert(day(2, 3)); // stored, then the server died before trading them

        desk.restart();
        TradingSaved caughtUp = desk.trading.catchUp();
        desk.restart();
        TradingSaved second = desk.trading.catchUp();

        assertEquals(1, caughtUp.fills().size(), "the third bar's buy, filled at the fourth's open: the window was warmed");
        assertEquals(day(4, 1).get(0).start(), desk.store.cursors.get("TEST"));
        assertEquals(TradingSaved.NOTHING, second);
        assertEquals(1, desk.store.fills.size());
    }

    @Test
    void backfilledBarsOfAnEarlierSessionWarmTheWindowsButPlaceNoOrders() {
        desk.add("stepper", STEPPER);
        List<Bar> yesterday = day(0, 4).stream().map(bar -> new Bar(bar.ticker(), bar.start().minus(Duration.ofDays(1)),
                bar.span(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), null, null)).toList();
        desk.bars.upsert(yesterday);

        TradingSaved saved = desk.trading.onBars(new BarsIngested(yesterday, day(0, 1).get(0).start()));

        assertTrue(saved.orders().isEmpty());
        assertEquals(yesterday.get(3).start(), desk.store.cursors.get("TEST"), "traded on (scanned), so not again");
        assertTrue(desk.store.orders.values().stream().noneMatch(order -> order.status() != OrderStatus.REJECTED));
    }

    @Test
    void everyRefusalIsCountedAndEachAgentKeepsItsNewestRefusedOrders() {
        LiveDesk keepingTwo = new LiveDesk(2);
        keepingTwo.add("seller", SELLS_WHAT_IT_DOES_NOT_HOLD);
        keepingTwo.add("stepper", STEPPER);

        keepingTwo.live(day(0, 3));
        TradingSaved later = keepingTwo.live(day(3, 2));

        List<Order> refused = keepingTwo.store.orders.values().stream().filter(order -> order.status() == OrderStatus.REJECTED).toList();
        assertEquals(List.of(day(3, 1).get(0).start(), day(4, 1).get(0).start()), refused.stream().map(Order::barTime).sorted().toList(),
                "the seller's newest two; the first bar's was never saved, the second's deleted at the next save");
        assertEquals(List.of(new RefusalCount("seller", LocalDate.of(2026, 3, 4), "position direction", 5, "no LONG position in TEST to sell",
                day(4, 1).get(0).end())), List.copyOf(keepingTwo.store.refusals.values()), "all five counted");
        assertEquals(2, later.orders().stream().filter(order -> order.status() == OrderStatus.REJECTED).count(),
                "the live pages hear of the refused orders saved");
        assertEquals(1, keepingTwo.store.fills.size(), "the stepper traded as ever");
        assertEquals(List.of(day(3, 1).get(0).start(), day(4, 1).get(0).start()), keepingTwo.store.scans.stream()
                .filter(scan -> scan.agentId().equals("seller")).map(ScanRecord::barTime).toList(), "and its newest two scans with signals");
    }

    @Test
    void eachAgentKeepsItsNewestFailedScansApartFromItsSignals() {
        LiveDesk keepingTwo = new LiveDesk(2);
        keepingTwo.add("stepper", STEPPER);
        keepingTwo.add("broken", BROKEN);

        keepingTwo.live(day(0, 6));

        assertEquals(2, keepingTwo.store.scans.stream().filter(scan -> scan.error().isPresent()).count(), "of three failures, the newest two");
        assertEquals(2, keepingTwo.store.scans.stream().filter(scan -> scan.error().isEmpty()).count(), "the stepper's buy and exit");
    }

    @Test
    void anAgentKeepingNoRefusedOrdersStillCountsThem() {
        LiveDesk keepingNone = new LiveDesk(0);
        keepingNone.add("seller", SELLS_WHAT_IT_DOES_NOT_HOLD);

        TradingSaved saved = keepingNone.live(day(0, 3));

        assertTrue(keepingNone.store.orders.isEmpty());
        assertTrue(saved.orders().isEmpty());
        assertEquals(3, keepingNone.store.refusals.values().iterator().next().refusals());
    }
}
