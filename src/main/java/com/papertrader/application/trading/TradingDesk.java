package com.papertrader.application.trading;

import com.papertrader.application.DatabaseHealth;
import com.papertrader.application.DatabaseReady;
import com.papertrader.application.OtherServers;
import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.AgentChanges;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.application.audit.AuditTrail;
import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.ingest.CorporateActionStore.KnownAction;
import com.papertrader.application.ingest.CorporateActionsStored;
import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.notification.Notification;
import com.papertrader.application.notification.NotificationType;
import com.papertrader.application.notification.Notifications;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.application.settings.TradingSettings;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.risk.KillSwitch;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live paper trading's one serialising point: bar events ({@link BarTrading}) and a person's changes to agents and
 * accounts ({@link AgentAdministration}) both change the one broker, so they take turns here, under this singleton's
 * container-managed write lock (every method), and never interleave. The database is the truth: the broker and both
 * parts are built from it once it is ready ({@link DatabaseReady}) and rebuilt after any failed change. After each change the desk publishes a
 * {@link TradingSummary} for the status, and after a bar event what it saved ({@link TradingSaved}) for the live pages.
 * A person's change, once done, is recorded in the {@link Audit} trail with who asked for it; the kill switch's are
 * also told to the webhooks ({@link Notifications}).
 */
@Singleton
@Startup
@DependsOn({"ScannerBean", "DatabaseSchema"}) // DatabaseSchema: the database migrated and checked, if it answers
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TradingDesk {

    private static final Logger LOG = Logger.getLogger(TradingDesk.class.getName());

    @Inject
    OperationsMetrics metrics;

    @Inject
    TradingStore store;

    @Inject
    BarStore bars;

    @Inject
    CorporateActionStore corporateActions;

    @Inject
    ScannerBean scanner;

    @Inject
    MarketSettings market;

    @Inject
    ScannerSettings scanning;

    @Inject
    TradingSettings trading;

    @Inject
    MarketCalendar calendar;

    @Inject
    Clock wallClock;

    @Inject
    Audit audit;

    @Inject
    Notifications notifications;

    @Inject
    AuditTrail auditTrail;

    @Inject
    DeskLease lease;

    @Inject
    DatabaseHealth database;

    @Inject
    OtherServers otherServers;

    @Inject
    Event<TradingSaved> tradingSaved;

    @Inject
    Event<TradingSummary> summaries;

    private Broker broker;
    private BarTrading barTrading;
    private AgentAdministration administration;
    /** While engaged; the broker refuses new entries as long as it is. */
    private KillSwitch killSwitch;
    /** The lease under which this desk last took over (rebuilt and caught up); null while it stands by. */
    private Instant tradingSince;
    /** The audit trail's length when this desk last read the database: a longer trail means changes to read. */
    private long changesSeen;

    /** At deployment, when the database answers; otherwise when it first does ({@link #start(DatabaseReady)}). */
    @PostConstruct
    void startIfReady() {
        if (database.notReady().isEmpty()) {
            start();
        }
    }

    /** A database that was away at deployment answers now. */
    public void start(@Observes DatabaseReady ready) {
        start();
    }

    private void start() {
        scanner.load();
        rebuild();
        if (lease.hold()) {
            takeOver();
        }
    }

    /**
     * Whether this server trades: it holds the desk's lease ({@link DeskLease}). Taking the lease from a server that
     * stopped or died reads everything from the database again and trades the bars stored meanwhile; while it holds it,
     * admin changes made on other servers (each one adds to the audit trail) are read in before the next bar.
     * Called at every poll tick; on SQLite this server always holds the lease and nothing is read again.
     */
    public boolean active() {
        if (broker == null || !lease.hold()) {
            tradingSince = null;
            return false;
        }
        if (!lease.heldSince().equals(Optional.ofNullable(tradingSince))) {
            readDatabaseAgain();
            takeOver();
        } else if (lease.shared() && auditTrail.count() != changesSeen) {
            readDatabaseAgain();
        }
        return true;
    }

    private void takeOver() {
        tradingSince = lease.heldSince().orElseThrow();
        changesSeen = auditTrail.count();
        LOG.info(() -> "Trading on node " + lease.node());
        announce(guarded(barTrading::catchUp));
    }

    /** Agents, accounts, orders and positions as the database holds them: another server changed or traded them. */
    private void readDatabaseAgain() {
        changesSeen = auditTrail.count();
        scanner.reload();
        rebuild();
    }

    public void onBars(@Observes BarsIngested event) {
        announce(guarded(() -> {
            Duration brokerBefore = barTrading.brokerTime();
            TradingSaved saved = barTrading.onBars(event);
            metrics.barEventTraded(barTrading.brokerTime().minus(brokerBefore));
            return saved;
        }));
    }

    /** New, corrected or withdrawn corporate actions: followed from the next bar of their tickers on. */
    public void onCorporateActions(@Observes CorporateActionsStored stored) {
        guarded(() -> {
            barTrading.follow(CorporateActions.of(corporateActions.inForce()));
            return stored;
        });
    }

    /** @see AgentAdministration#add */
    public Agent addAgent(AgentDefinition definition, Actor actor) {
        Agent added = guarded(() -> administration.add(definition));
        audit.record(actor, AuditAction.AGENT_CREATED, "agent " + added.getId(), AgentChanges.of(added));
        return added;
    }

    /** @see AgentAdministration#change */
    public Agent changeAgent(AgentDefinition definition, Long seenVersion, Actor actor) {
        Optional<Map<String, String>> before = store.agent(definition.id()).map(AgentChanges::settings);
        Agent changed = guarded(() -> administration.change(definition, seenVersion));
        audit.record(actor, AuditAction.AGENT_CHANGED, "agent " + changed.getId(),
                before.map(settings -> AgentChanges.between(settings, changed)).orElse(""));
        return changed;
    }

    /** @see AgentAdministration#enable */
    public Agent enableAgent(AgentId id, Actor actor) {
        Agent enabled = guarded(() -> administration.enable(id));
        audit.record(actor, AuditAction.AGENT_ENABLED, "agent " + id, "");
        return enabled;
    }

    /** @see AgentAdministration#pause */
    public Agent pauseAgent(AgentId id, Actor actor) {
        Agent paused = guarded(() -> administration.pause(id));
        audit.record(actor, AuditAction.AGENT_PAUSED, "agent " + id, "");
        return paused;
    }

    /** @see AgentAdministration#delete */
    public void deleteAgent(AgentId id, Actor actor) {
        guarded(() -> {
            administration.delete(id);
            return id;
        });
        audit.record(actor, AuditAction.AGENT_DELETED, "agent " + id, "");
    }

    /** @see AgentAdministration#releaseDrawdownLock */
    public void releaseDrawdownLock(AccountId id, Actor actor) {
        guarded(() -> {
            administration.releaseDrawdownLock(id, actor.user());
            return id;
        });
        audit.record(actor, AuditAction.DRAWDOWN_LOCK_RELEASED, "account " + id, "");
    }

    /** @see AgentAdministration#resetAccount */
    public void resetAccount(AccountId id, Actor actor) {
        guarded(() -> {
            administration.resetAccount(id);
            return id;
        });
        audit.record(actor, AuditAction.ACCOUNT_RESET, "account " + id, "cash back to " + trading.startingCash().toPlainString());
    }

    /** @see AgentAdministration#cancelOrder */
    public void cancelOrder(OrderId id, Actor actor) {
        guarded(() -> {
            administration.cancelOrder(id, actor.user());
            return id;
        });
        audit.record(actor, AuditAction.ORDER_CANCELED, "order " + id.value(), "");
    }

    /** @see AgentAdministration#closePosition */
    public OrderId closePosition(AccountId account, Ticker ticker, Actor actor) {
        OrderId placed = guarded(() -> administration.closePosition(account, ticker, actor.user()));
        audit.record(actor, AuditAction.POSITION_CLOSED, "position " + ticker + " of account " + account, "order " + placed.value());
        return placed;
    }

    /** @see AgentAdministration#engageKillSwitch */
    public KillSwitch engageKillSwitch(Actor actor, boolean flatten) {
        KillSwitch engaged = guarded(() -> killSwitch = administration.engageKillSwitch(actor.user(), flatten));
        audit.record(actor, AuditAction.KILL_SWITCH_ENGAGED, "kill switch", flatten ? "open positions closed" : "positions kept");
        notifications.publish(new Notification(NotificationType.KILL_SWITCH_ENGAGED, engaged.engagedAt(), "Kill switch engaged by "
                + engaged.engagedBy() + (flatten ? ": every open position closed" : ": open positions kept"),
                Json.createObjectBuilder().add("engagedBy", engaged.engagedBy()).add("flattened", engaged.flattened()).build()));
        return engaged;
    }

    /** @see AgentAdministration#releaseKillSwitch */
    public void releaseKillSwitch(Actor actor) {
        guarded(() -> {
            administration.releaseKillSwitch(actor.user());
            killSwitch = null;
            return actor;
        });
        audit.record(actor, AuditAction.KILL_SWITCH_RELEASED, "kill switch", "");
        notifications.publish(new Notification(NotificationType.KILL_SWITCH_RELEASED, wallClock.instant(), "Kill switch released by "
                + actor.user() + ": entries are accepted again", Json.createObjectBuilder().add("releasedBy", actor.user()).build()));
    }

    /**
     * Runs a change of the broker and the database, then publishes the summary. A refusal changed nothing; any other
     * failure may have left the broker ahead of the database, so it goes back to what the database holds.
     */
    private <T> T guarded(Supplier<T> change) {
        if (broker == null) {
            throw new AgentChangeRefused(null, "The database has not been reached yet: nothing was changed. See /health.");
        }
        if (lease.shared() && tradingSince == null) {
            readDatabaseAgain(); // a standby's broker is as old as its last read: change what the database holds now
        }
        try {
            T changed = change.get();
            publishSummary();
            return changed;
        } catch (AgentChangeRefused refused) {
            throw refused;
        } catch (OrderAlreadyStored duplicate) {
            // the database holds the order already: the broker learns it from there and will not place it again
            LOG.warning(() -> duplicate.getMessage() + "; nothing of this change is saved, rebuilding the broker from the database");
            rebuild();
            throw duplicate;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "A trading change failed; rebuilding the broker from the database", e);
            rebuild();
            throw e;
        }
    }

    /**
     * A broker holding exactly what the database holds (with an account and risk limits for every agent, and the
     * corporate actions applied so far), and the scanner's windows as the bars traded on left them.
     */
    private void rebuild() {
        BarClock clock = new BarClock(Instant.EPOCH);
        broker = PaperBrokers.create(clock, calendar, trading);
        broker.restore(store.accounts(), store.openPositions(), store.ordersToRemember(rememberSince()));
        List<KnownAction> actions = corporateActions.all();
        broker.rememberApplied(actions.stream().filter(KnownAction::isApplied).map(known -> known.action().key()).toList());
        administration = new AgentAdministration(broker, store, scanner, trading.startingCash(), wallClock);
        killSwitch = administration.restoreRiskState().orElse(null);
        for (Agent agent : scanner.agents()) {
            administration.prepare(agent).ifPresent(store::save);
        }
        barTrading = new BarTrading(new BarProcessor(broker, clock, scanner), store.cursors(), store, bars, scanner,
                scanning, calendar, trading.refusedOrdersKept());
        barTrading.follow(CorporateActions.of(actions.stream().filter(KnownAction::isInForce).map(KnownAction::action).toList()));
        barTrading.warmWindows(market.tickers());
        publishSummary();
        LOG.info(() -> "Broker restored: " + broker.accounts().size() + " accounts, " + broker.openPositions().size()
                + " open positions, " + broker.liveOrders().size() + " working orders");
    }

    /** Orders of bars a backfill can bring again must be remembered, so none is placed twice. */
    private Instant rememberSince() {
        return wallClock.instant().minus(Duration.ofDays(7L * market.backfillDays()));
    }

    /**
     * Tells the status what the broker holds now (observed by StatusService), after every change: a status page then
     * reads the last summary instead of waiting for this singleton's lock behind a bar event. The active desk tells the
     * standby servers too, whose own brokers are only as new as their last read of the database.
     */
    private void publishSummary() {
        Collection<Account> accounts = broker.accounts();
        TradingSummary summary = new TradingSummary(accounts.size(), broker.liveOrders().size(), broker.openPositions().size(),
                Money.cash(accounts.stream().map(Account::equity).reduce(BigDecimal.ZERO, BigDecimal::add)),
                Money.cash(accounts.stream().map(Account::dayPnl).reduce(BigDecimal.ZERO, BigDecimal::add)),
                Optional.ofNullable(killSwitch));
        summaries.fire(summary);
        if (tradingSince != null && otherServers.any()) {
            otherServers.tell(TradingSummary.EVENT, summary.toEvent()); // the standbys' status follows the desk's broker
        }
    }

    /** Tells the live pages what a saved bar event changed; a listener's failure must not undo the trading. */
    private void announce(TradingSaved saved) {
        if (saved.isEmpty()) {
            return;
        }
        try {
            tradingSaved.fire(saved);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of saved trading failed; the trading itself is saved", e);
        }
    }
}
