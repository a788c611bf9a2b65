package com.papertrader.application.trading;

import static com.papertrader.application.trading.LiveDesk.BROKEN;
import static com.papertrader.application.trading.LiveDesk.STEPPER;
import static com.papertrader.application.trading.LiveDesk.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.OrderStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bar-trading loop on a real broker and scanner, over in-memory stores. */
class BarTradingTest {

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
}
