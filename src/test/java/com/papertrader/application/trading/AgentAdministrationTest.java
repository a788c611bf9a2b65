package com.papertrader.application.trading;

import static com.papertrader.application.trading.LiveDesk.STARTING_CASH;
import static com.papertrader.application.trading.LiveDesk.STEPPER;
import static com.papertrader.application.trading.LiveDesk.day;
import static com.papertrader.application.trading.LiveDesk.definition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.risk.KillSwitch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A person's changes to agents and accounts, applied to a real broker and scanner, saved to an in-memory store. */
class AgentAdministrationTest {

    private final LiveDesk desk = new LiveDesk();

    @Test
    void anAddedAgentHasItsAccountAndScansFromTheNextBar() {
        Agent added = desk.add("stepper", STEPPER);

        assertEquals(STARTING_CASH, desk.store.accounts.get("stepper").cash());
        assertEquals(added, desk.store.agents.get(AgentId.of("stepper")));
        assertTrue(desk.scanner.isCompiled(added.getId()));
        assertEquals(1, desk.live(day(0, 4)).fills().size());
    }

    @Test
    void aTakenIdOrNameIsRefusedAndNothingSaved() {
        desk.add("stepper", STEPPER);
        int saves = desk.store.saves;

        AgentChangeRefused sameId = assertThrows(AgentChangeRefused.class, () -> desk.add("stepper", STEPPER));
        AgentDefinition sameName = new AgentDefinition(AgentId.of("other"), "Agent stepper", STEPPER,
                definition("x", STEPPER).tickers(), definition("x", STEPPER).parameters(), definition("x", STEPPER).risk());
        AgentChangeRefused named = assertThrows(AgentChangeRefused.class, () -> desk.administration.add(sameName));

        assertEquals("id", sameId.field());
        assertEquals("name", named.field());
        assertEquals(saves, desk.store.saves);
    }

    @Test
    void anEditOpenedBeforeSomeoneElsesChangeIsRefused() {
        Agent agent = desk.add("stepper", STEPPER);
        long seen = agent.getEditVersion() - 1;

        AgentChangeRefused refused = assertThrows(AgentChangeRefused.class,
                () -> desk.administration.change(definition("stepper", LiveDesk.BROKEN), seen));

        assertEquals("form", refused.field());
        assertEquals(STEPPER, desk.store.agents.get(AgentId.of("stepper")).getScript(), "the other change stays");
    }

    @Test
    void pauseStopsTheScansAndEnableResumesThem() {
        desk.add("stepper", STEPPER);

        assertEquals(AgentState.PAUSED, desk.administration.pause(AgentId.of("stepper")).getState());
        assertTrue(desk.live(day(0, 4)).orders().isEmpty(), "a paused agent is not scanned");
        assertEquals(AgentState.ENABLED, desk.administration.enable(AgentId.of("stepper")).getState());
        assertTrue(desk.scanner.isCompiled(AgentId.of("stepper")));
    }

    @Test
    void anAgentOrAccountWithAnOpenPositionIsNeitherDeletedNorReset() {
        desk.add("stepper", STEPPER);
        desk.live(day(0, 4)); // long 10 TEST

        AgentChangeRefused delete = assertThrows(AgentChangeRefused.class, () -> desk.administration.delete(AgentId.of("stepper")));
        AgentChangeRefused reset = assertThrows(AgentChangeRefused.class,
                () -> desk.administration.resetAccount(AccountId.of("stepper")));

        assertTrue(delete.getMessage().contains("holds 1 open position"), delete.getMessage());
        assertTrue(reset.getMessage().contains("holds 1 open position"), reset.getMessage());
        assertTrue(desk.store.agents.containsKey(AgentId.of("stepper")));
    }

    @Test
    void aPersonClosesAPositionOrCancelsAWorkingOrderRecordedWithTheirName() {
        desk.add("stepper", STEPPER);
        desk.live(day(0, 4)); // long 10 TEST, bought at the fourth bar's open (103)

        desk.administration.closePosition(AccountId.of("stepper"), Ticker.of("TEST"), "alice");
        Order close = manualCloses().get(0);
        assertEquals(OrderStatus.ACCEPTED, close.status());
        assertEquals("manual: closed by alice", close.reason());
        assertTrue(assertThrows(AgentChangeRefused.class, () -> desk.administration.closePosition(AccountId.of("stepper"),
                Ticker.of("TEST"), "alice")).getMessage().contains("working already"));

        desk.administration.cancelOrder(new OrderId(close.id()), "bob");
        assertEquals(OrderStatus.CANCELED, desk.store.orders.get(close.id()).status());
        assertEquals("canceled: manual: canceled by bob", desk.store.orders.get(close.id()).lastEvent().cause());
        assertTrue(assertThrows(AgentChangeRefused.class, () -> desk.administration.cancelOrder(new OrderId(close.id()), "bob"))
                .getMessage().contains("is not working"));

        desk.administration.closePosition(AccountId.of("stepper"), Ticker.of("TEST"), "alice");
        desk.live(day(4, 1));
        Order second = manualCloses().get(1);
        assertEquals(close.id() + "2", second.id(), "a second close before the next bar has its own id");
        assertEquals(OrderStatus.FILLED, second.status(), "filled at the open of the bar after it was placed");
        assertTrue(desk.broker.position("stepper", "TEST").isEmpty());
        assertEquals(2, desk.store.fills.size());
        assertTrue(assertThrows(AgentChangeRefused.class, () -> desk.administration.closePosition(AccountId.of("stepper"),
                Ticker.of("TEST"), "alice")).getMessage().contains("holds no open position in TEST"));
    }

    @Test
    void theKillSwitchStopsNewEntriesAcrossARestartAndCanCloseEveryPosition() {
        desk.add("buyer", "function scan(bars, ctx) { if (!ctx.position) return { action: \"buy\", qty: 5, reason: \"flat\" }; }");
        desk.live(day(0, 2)); // bought at the second bar's open

        KillSwitch engaged = desk.administration.engageKillSwitch("carol", true);
        assertEquals("carol", engaged.engagedBy());
        assertEquals(LiveDesk.WALL.instant(), engaged.engagedAt());
        assertTrue(desk.store.killSwitch().isPresent());
        Order close = manualCloses().get(0);
        assertEquals("kill switch: closed by carol", close.reason());
        assertTrue(assertThrows(AgentChangeRefused.class, () -> desk.administration.engageKillSwitch("carol", false))
                .getMessage().contains("engaged already"));

        desk.live(day(2, 1)); // the close fills at this bar's open; the flat agent's buy is refused
        assertEquals(OrderStatus.FILLED, desk.store.orders.get(close.id()).status());
        desk.restart();
        assertTrue(desk.broker.isKillSwitchEngaged(), "a restart does not lift it");
        desk.live(day(3, 1));
        List<Order> refused = desk.store.orders.values().stream().filter(order -> order.status() == OrderStatus.REJECTED).toList();
        assertEquals(2, refused.size(), "one refused entry a bar, before and after the restart");
        assertTrue(refused.stream().allMatch(order -> order.lastEvent().cause().contains("kill switch engaged")), refused.toString());
        assertTrue(desk.broker.position("buyer", "TEST").isEmpty());

        desk.administration.releaseKillSwitch("carol");
        assertTrue(desk.store.killSwitch().isEmpty());
        assertTrue(assertThrows(AgentChangeRefused.class, () -> desk.administration.releaseKillSwitch("carol"))
                .getMessage().contains("not engaged"));
        desk.live(day(4, 2));
        assertTrue(desk.broker.position("buyer", "TEST").isPresent(), "entries are accepted again once it is released");
    }

    private List<Order> manualCloses() {
        return desk.store.orders.values().stream().filter(order -> order.id().contains("|MANUAL")).toList();
    }

    @Test
    void aFlatAccountIsResetToItsStartingCashAndAFlatAgentDeleted() {
        desk.add("stepper", STEPPER);
        desk.live(day(0, 7)); // bought after the third bar, sold after the sixth
        BigDecimal traded = desk.store.accounts.get("stepper").cash();

        desk.administration.resetAccount(AccountId.of("stepper"));
        desk.administration.delete(AgentId.of("stepper"));

        assertTrue(traded.compareTo(STARTING_CASH) != 0, "the round trip moved the cash: " + traded);
        assertEquals(STARTING_CASH, desk.store.accounts.get("stepper").cash());
        assertTrue(desk.store.agents.isEmpty());
        assertTrue(desk.scanner.agents().isEmpty(), "no longer scanned");
        assertEquals(2, desk.store.fills.size(), "its history stays");
    }

    @Test
    void aDrawdownLockIsReleasedByAnAdminAndSaved() {
        desk.add("stepper", STEPPER);
        desk.broker.account("stepper").orElseThrow().lock("equity 90000.00 is 10.00% below its peak", LiveDesk.WALL.instant());

        desk.administration.releaseDrawdownLock(AccountId.of("stepper"), "carol");

        assertFalse(desk.store.accounts.get("stepper").isLocked());
        assertEquals("account stepper is not locked", assertThrows(AgentChangeRefused.class,
                () -> desk.administration.releaseDrawdownLock(AccountId.of("stepper"), "carol")).getMessage());
        assertEquals("there is no account nobody", assertThrows(AgentChangeRefused.class,
                () -> desk.administration.releaseDrawdownLock(AccountId.of("nobody"), "carol")).getMessage());
    }
}
