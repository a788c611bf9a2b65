package com.papertrader.application.trading;

import com.papertrader.application.Settings;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarRepository;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.infrastructure.persistence.JpaTradingStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live paper trading: every new bar goes through the {@link BarProcessor} (broker, then the agents' scans), in bar
 * time order, and everything a bar event changed is saved in one transaction together with the tickers' processed-bar
 * cursors. The database is the truth: the broker is rebuilt from it at start-up and after a failed save, and bars
 * stored but not yet processed (a crash between storing and trading) are processed at start-up, once.
 * <p>
 * Admin changes to agents and accounts go through here too, so they never interleave with a bar event (the singleton's
 * write lock): each is saved in one transaction, then applied to the running broker and scanner, without a restart.
 * A deleted agent's orders, fills and scans stay as history; its working orders are canceled, and it cannot be deleted
 * while its account holds open positions. Resetting an account needs it flat too: its working orders are canceled and
 * its cash goes back to the starting cash; nothing is closed behind anyone's back.
 */
@Singleton
@Startup
@DependsOn("ScannerBean")
public class TradingDesk {

    private static final Logger LOG = Logger.getLogger(TradingDesk.class.getName());
    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();

    @Inject
    Settings settings;

    @Inject
    JpaTradingStore store;

    @Inject
    BarRepository bars;

    @Inject
    ScannerBean scanner;

    @Inject
    Clock wallClock;

    @Inject
    Event<TradingSaved> tradingSaved;

    @Inject
    Event<TradingSummary> summaries;

    private BarProcessor processor;
    private final Map<String, Instant> cursors = new HashMap<>();

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        rebuild();
        warmWindows();
        catchUp();
    }

    /** Bars the poller stored or revised; those not newer than a ticker's cursor were processed before. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onBars(@Observes BarsIngested event) {
        Optional<TradingSession> session = CALENDAR.sessionAt(event.liveFrom());
        process(event.bars(), bar -> event.isLive(bar) || settings.tradeBackfill()
                || session.map(s -> s.contains(bar.start())).orElse(false));
    }

    /**
     * Adds an agent while the application runs: its account is opened if missing, its risk limits set, and it scans
     * from the next bar on.
     *
     * @throws AgentChangeRefused when the id or the name is taken
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Agent addAgent(AgentDefinition definition) {
        if (store.agent(definition.id()).isPresent()) {
            throw new AgentChangeRefused("id", "an agent with id " + definition.id() + " exists already");
        }
        requireFreeName(definition.name(), definition.id());
        return save(definition.toAgent(wallClock));
    }

    /**
     * Changes an agent's settings and script (recompiled if it changed) while the application runs.
     *
     * @param seenVersion the agent's {@link Agent#getEditVersion()} when the change was prepared (an edit form's), or
     *                    null to change whatever it is now
     * @throws AgentChangeRefused when there is no such agent, the new name is taken, or the agent changed since
     *                            {@code seenVersion} (saving would silently undo that change)
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Agent changeAgent(AgentDefinition definition, Long seenVersion) {
        requireFreeName(definition.name(), definition.id());
        return change(definition.id(), agent -> {
            if (seenVersion != null && agent.getEditVersion() != seenVersion) {
                throw new AgentChangeRefused("form", "Someone changed this agent (at " + agent.getUpdatedAt()
                        + ") after this form was opened, so nothing was saved: open it again to see that change, then make yours.");
            }
            agent.rename(definition.name(), wallClock);
            if (!agent.getScriptHash().equals(Agent.sha256(definition.script()))) {
                agent.replaceScript(definition.script(), wallClock);
            }
            agent.watch(definition.tickers(), wallClock);
            agent.reparameterize(definition.parameters(), wallClock);
            agent.changeRiskSettings(definition.risk(), wallClock);
        });
    }

    /** Scans the agent again (also after the scanner stopped it for errors). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Agent enableAgent(AgentId id) {
        return change(id, agent -> agent.enable(wallClock));
    }

    /** Stops scanning the agent; its working orders and positions carry on. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Agent pauseAgent(AgentId id) {
        return change(id, agent -> agent.pause(wallClock));
    }

    /**
     * Deletes an agent: its working orders are canceled; its orders, fills and scans stay as history.
     *
     * @throws AgentChangeRefused when there is no such agent or its account holds open positions
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deleteAgent(AgentId id) {
        Agent agent = store.agent(id).orElseThrow(() -> noSuchAgent(id));
        requireFlat(agent.getAccountId(), "delete agent " + id);
        guarded(() -> {
            store.deleteAgent(id, cancelLiveOrders(order -> order.agentId().equals(id.value()), "agent deleted"));
            scanner.removed(id);
            return id;
        });
    }

    /**
     * Starts a flat account again from the starting cash: working orders canceled, P&L and halts cleared.
     *
     * @throws AgentChangeRefused when there is no such account or it holds open positions
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resetAccount(String accountId) {
        Account account = processor.broker().account(accountId)
                .orElseThrow(() -> new AgentChangeRefused(null, "there is no account " + accountId));
        requireFlat(accountId, "reset account " + accountId);
        guarded(() -> {
            List<BrokerChanges> canceled = cancelLiveOrders(order -> order.accountId().equals(accountId), "account reset");
            account.reset(wallClock.instant());
            store.saveReset(account, canceled);
            return account;
        });
    }

    private Agent change(AgentId id, Consumer<Agent> change) {
        Agent agent = store.agent(id).orElseThrow(() -> noSuchAgent(id));
        change.accept(agent);
        return save(agent);
    }

    /** Saves an agent with what it needs in the broker in one transaction, then scans with it. */
    private Agent save(Agent agent) {
        return guarded(() -> {
            Agent saved = store.saveAgent(agent, prepareBroker(processor.broker(), agent));
            scanner.saved(List.of(saved));
            LOG.info(() -> "Agent " + saved.getId() + " saved (" + saved.getState() + ", script " + saved.getScriptHash().substring(0, 12) + ")");
            return saved;
        });
    }

    /** Runs a change of the broker and the database; if saving fails, the broker goes back to what the database holds. */
    private <T> T guarded(Supplier<T> change) {
        try {
            T changed = change.get();
            publishSummary();
            return changed;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "An admin change failed; rebuilding the broker from the database", e);
            rebuild();
            throw e;
        }
    }

    private List<BrokerChanges> cancelLiveOrders(Predicate<Order> which, String reason) {
        Broker broker = processor.broker();
        List<BrokerChanges> changes = new ArrayList<>();
        // one at a time: canceling a parent also settles its bracket legs
        Optional<Order> next;
        while ((next = broker.liveOrders().stream().filter(which).findFirst()).isPresent()) {
            changes.add(broker.cancel(next.get().id(), reason));
        }
        return changes;
    }

    private void requireFlat(String accountId, String what) {
        long open = processor.broker().openPositions().stream().filter(p -> p.accountId().equals(accountId)).count();
        if (open > 0) {
            throw new AgentChangeRefused(null, "Cannot " + what + ": account " + accountId + " holds " + open
                    + " open position(s). Pause the agent and let its exits close them first.");
        }
    }

    private void requireFreeName(String name, AgentId id) {
        store.agentNamed(name.strip()).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
            throw new AgentChangeRefused("name", "the agent " + other.getId() + " has this name already");
        });
    }

    private static AgentChangeRefused noSuchAgent(AgentId id) {
        return new AgentChangeRefused(null, "there is no agent " + id);
    }

    private void process(List<Bar> newBars, Predicate<Bar> tradable) {
        List<BrokerChanges> changes = new ArrayList<>();
        Map<String, Instant> advanced = new HashMap<>();
        for (Bar bar : newBars) {
            Instant cursor = cursors.get(bar.ticker());
            if (cursor != null && !bar.start().isAfter(cursor)) {
                continue;
            }
            changes.addAll(processor.process(bar, tradable.test(bar)));
            cursors.put(bar.ticker(), bar.start());
            advanced.put(bar.ticker(), bar.start());
        }
        if (advanced.isEmpty()) {
            return;
        }
        try {
            scanner.saved(store.save(changes, scanner.drainChanges(), advanced));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Saving the trading of " + newBars.size() + " bars failed; rebuilding the broker from the database", e);
            rebuild();
            throw e;
        }
        publishSummary();
        announce(changes);
    }

    /**
     * Tells the status what the broker holds now (observed by StatusService), after every change: a status page then
     * reads the last summary instead of waiting for this singleton's lock behind a bar event.
     */
    private void publishSummary() {
        Broker broker = processor.broker();
        Collection<Account> accounts = broker.accounts();
        summaries.fire(new TradingSummary(accounts.size(), broker.liveOrders().size(), broker.openPositions().size(),
                Money.cash(accounts.stream().map(Account::equity).reduce(BigDecimal.ZERO, BigDecimal::add)),
                Money.cash(accounts.stream().map(Account::dayPnl).reduce(BigDecimal.ZERO, BigDecimal::add))));
    }

    /** Tells the live pages what the saved bar event changed; a listener's failure must not undo the trading. */
    private void announce(List<BrokerChanges> changes) {
        Map<String, Order> orders = new LinkedHashMap<>();
        List<Fill> fills = new ArrayList<>();
        for (BrokerChanges change : changes) {
            change.orders().forEach(order -> orders.put(order.id(), order));
            fills.addAll(change.fills());
        }
        TradingSaved saved = new TradingSaved(List.copyOf(orders.values()), fills);
        if (saved.isEmpty()) {
            return;
        }
        try {
            tradingSaved.fire(saved);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A listener of saved trading failed; the trading itself is saved", e);
        }
    }

    /** A broker holding exactly what the database holds, with an account and risk limits for every agent. */
    private void rebuild() {
        BarClock clock = new BarClock(Instant.EPOCH);
        Broker broker = PaperBrokers.create(clock, CALENDAR, settings);
        broker.restore(store.accounts(), store.openPositions(), store.ordersToRemember(rememberSince()));
        for (Agent agent : scanner.agents()) {
            prepareBroker(broker, agent).ifPresent(store::save);
        }
        cursors.clear();
        cursors.putAll(store.cursors());
        processor = new BarProcessor(broker, clock, scanner);
        publishSummary();
        LOG.info(() -> "Broker restored: " + broker.accounts().size() + " accounts, " + broker.openPositions().size()
                + " open positions, " + broker.liveOrders().size() + " working orders");
    }

    /**
     * What an agent needs in the broker, at start-up and whenever it is added or changed: its account (opened with the
     * starting cash if missing), then its risk limits.
     *
     * @return the account it opened, to save
     */
    private Optional<Account> prepareBroker(Broker broker, Agent agent) {
        Optional<Account> opened = broker.account(agent.getAccountId()).isPresent() ? Optional.empty()
                : Optional.of(broker.openAccount(agent.getAccountId(), settings.startingCash(), BigDecimal.ONE));
        broker.setRiskLimits(agent.getId().value(), SignalOrders.limits(agent.getRisk()));
        return opened;
    }

    /** Each ticker's window gets the bars processed so far, so a scan never sees a bar after the one it is scanning. */
    private void warmWindows() {
        for (String ticker : settings.tickers()) {
            Instant through = cursors.get(ticker);
            if (through == null) {
                continue;
            }
            scanner.warm(ticker, bars.latestUpTo(ticker, through, settings.windowSize()));
        }
    }

    /** Bars stored while the broker was not running after them (a crash or a kill): processed now, in time order. */
    private void catchUp() {
        List<Bar> pending = new ArrayList<>();
        cursors.forEach((ticker, through) -> pending.addAll(bars.after(ticker, through)));
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(Comparator.comparing(Bar::start).thenComparing(Bar::ticker));
        Instant newest = pending.get(pending.size() - 1).start();
        Optional<TradingSession> session = CALENDAR.sessionAt(newest);
        LOG.info(() -> "Catching up on " + pending.size() + " bars stored but not yet traded on");
        process(pending, bar -> settings.tradeBackfill() || session.map(s -> s.contains(bar.start())).orElse(false));
    }

    /** Orders of bars a backfill can bring again must be remembered, so none is placed twice. */
    private Instant rememberSince() {
        return wallClock.instant().minus(Duration.ofDays(7L * settings.backfillDays()));
    }
}
