package com.papertrader.application.trading;

import com.papertrader.application.scanning.AgentScanning;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.risk.KillSwitch;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A person's changes to agents and accounts while the application trades: each is saved in one transaction, then
 * applied to the running broker and scanner, without a restart. A deleted agent's orders, fills and scans stay as
 * history; its working orders are canceled, and it cannot be deleted while its account holds open positions.
 * Resetting an account needs it flat too: its working orders are canceled and its cash goes back to the starting
 * cash; nothing is closed behind anyone's back. A person may also cancel a working order or close a position by hand;
 * each is recorded with cause "manual" and the person's name. The global kill switch stops every agent's new entries
 * until it is released, and can close every open position as it is engaged. Plain Java over the broker it is given: the {@link TradingDesk}
 * keeps these changes from interleaving with a bar event.
 */
public final class AgentAdministration {

    private static final Logger LOG = Logger.getLogger(AgentAdministration.class.getName());

    private final Broker broker;
    private final TradingStore store;
    private final AgentScanning scanner;
    private final BigDecimal startingCash;
    private final Clock wallClock;

    public AgentAdministration(Broker broker, TradingStore store, AgentScanning scanner, BigDecimal startingCash, Clock wallClock) {
        this.broker = broker;
        this.store = store;
        this.scanner = scanner;
        this.startingCash = startingCash;
        this.wallClock = wallClock;
    }

    /**
     * Adds an agent: its account is opened if missing, its risk limits set, and it scans from the next bar on.
     *
     * @throws AgentChangeRefused when the id or the name is taken
     */
    public Agent add(AgentDefinition definition) {
        if (store.agent(definition.id()).isPresent()) {
            throw new AgentChangeRefused("id", "an agent with id " + definition.id() + " exists already");
        }
        requireFreeName(definition.name(), definition.id());
        return save(definition.toAgent(wallClock));
    }

    /**
     * Changes an agent's settings and script (recompiled if it changed).
     *
     * @param seenVersion the agent's {@link Agent#getEditVersion()} when the change was prepared (an edit form's), or
     *                    null to change whatever it is now
     * @throws AgentChangeRefused when there is no such agent or the new name is taken
     * @throws StaleAgentVersion  when the agent changed since {@code seenVersion} (saving would silently undo that change)
     */
    public Agent change(AgentDefinition definition, Long seenVersion) {
        requireFreeName(definition.name(), definition.id());
        return change(definition.id(), agent -> {
            if (seenVersion != null && agent.getEditVersion() != seenVersion) {
                throw new StaleAgentVersion("Someone changed this agent (at " + agent.getUpdatedAt()
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
    public Agent enable(AgentId id) {
        return change(id, agent -> agent.enable(wallClock));
    }

    /** Stops scanning the agent; its working orders and positions carry on. */
    public Agent pause(AgentId id) {
        return change(id, agent -> agent.pause(wallClock));
    }

    /**
     * Deletes an agent: its working orders are canceled; its orders, fills and scans stay as history.
     *
     * @throws AgentChangeRefused when there is no such agent or its account holds open positions
     */
    public void delete(AgentId id) {
        Agent agent = store.agent(id).orElseThrow(() -> noSuchAgent(id));
        requireFlat(agent.getAccountId(), "delete agent " + id);
        store.deleteAgent(id, cancelLiveOrders(order -> order.agentId().equals(id.value()), "agent deleted"));
        scanner.uninstall(id);
    }

    /**
     * Starts a flat account again from the starting cash: working orders canceled, P&L and halts cleared.
     *
     * @throws AgentChangeRefused when there is no such account or it holds open positions
     */
    public void resetAccount(AccountId id) {
        Account account = broker.account(id.value())
                .orElseThrow(() -> new AgentChangeRefused(null, "there is no account " + id));
        requireFlat(id.value(), "reset account " + id);
        List<BrokerChanges> canceled = cancelLiveOrders(order -> order.accountId().equals(id.value()), "account reset");
        account.reset(wallClock.instant());
        store.saveReset(account, canceled);
    }

    /**
     * Releases an account's drawdown lock: its agents may open positions again from the next bar, the drawdown measured
     * afresh from the equity now.
     *
     * @throws AgentChangeRefused when there is no such account or it is not locked
     */
    public void releaseDrawdownLock(AccountId id, String user) {
        Account account = broker.account(id.value())
                .orElseThrow(() -> new AgentChangeRefused(null, "there is no account " + id));
        if (!account.isLocked()) {
            throw new AgentChangeRefused(null, "account " + id + " is not locked");
        }
        String reason = account.lockReason();
        account.releaseLock();
        store.save(account);
        LOG.warning(() -> "Drawdown lock of account " + id + " (" + reason + ") released by " + user);
    }

    /**
     * Cancels a working order (or a held bracket leg) by hand.
     *
     * @throws AgentChangeRefused when the order is not working (filled, canceled, expired or unknown)
     */
    public void cancelOrder(OrderId id, String user) {
        if (broker.liveOrders().stream().noneMatch(order -> order.id().equals(id.value()))) {
            throw new AgentChangeRefused(null, "order " + id + " is not working: it has filled, been canceled or expired, or does not exist");
        }
        store.save(broker.cancel(id.value(), "manual: canceled by " + user));
        LOG.info(() -> "Order " + id + " canceled by " + user);
    }

    /**
     * Closes a position by hand: a market order for all of it, filled at the open of the ticker's next bar.
     *
     * @return the id of the order placed
     * @throws AgentChangeRefused when there is no such open position, or a close of it is working already
     */
    public OrderId closePosition(AccountId account, Ticker ticker, String user) {
        if (broker.position(account.value(), ticker.symbol()).isEmpty()) {
            throw new AgentChangeRefused(null, "account " + account + " holds no open position in " + ticker);
        }
        BrokerChanges placed;
        try {
            placed = broker.closePosition(account.value(), ticker.symbol(), "manual: closed by " + user);
        } catch (IllegalStateException alreadyClosing) {
            throw new AgentChangeRefused(null, alreadyClosing.getMessage());
        }
        store.save(placed);
        LOG.info(() -> "Position " + ticker + " of account " + account + " closed by " + user);
        return new OrderId(placed.orders().get(0).id());
    }

    /**
     * Engages the kill switch: no agent opens or adds to a position until it is released; exits, stops and targets carry
     * on. With {@code flatten}, every open position also gets a market close, filled at its ticker's next open.
     *
     * @throws AgentChangeRefused when it is engaged already
     */
    public KillSwitch engageKillSwitch(String user, boolean flatten) {
        if (broker.isKillSwitchEngaged()) {
            throw new AgentChangeRefused(null, "the kill switch is engaged already");
        }
        List<BrokerChanges> closes = flatten ? broker.closeAllPositions("kill switch: closed by " + user) : List.of();
        KillSwitch engaged = new KillSwitch(user, wallClock.instant(), flatten);
        broker.engageKillSwitch();
        store.saveKillSwitch(engaged, closes);
        LOG.warning(() -> "Kill switch engaged by " + user + (flatten ? ", closing " + closes.size() + " open positions" : ""));
        return engaged;
    }

    /**
     * At a start, what the risk rules remember besides the book: the kill switch as the database holds it (engaged
     * again in the broker if it was), and the agents' losing streaks of the day, from the positions closed in the day
     * before the last bar traded.
     *
     * @return the kill switch, while it is engaged
     */
    public Optional<KillSwitch> restoreRiskState() {
        store.cursors().values().stream().max(Instant::compareTo)
                .ifPresent(lastBar -> broker.rememberClosed(store.positionsClosedSince(lastBar.minus(Duration.ofDays(1)))));
        Optional<KillSwitch> saved = store.killSwitch();
        saved.ifPresent(engaged -> broker.engageKillSwitch());
        return saved;
    }

    /**
     * Releases the kill switch: agents may open positions again from the next bar.
     *
     * @throws AgentChangeRefused when it is not engaged
     */
    public void releaseKillSwitch(String user) {
        if (!broker.isKillSwitchEngaged()) {
            throw new AgentChangeRefused(null, "the kill switch is not engaged");
        }
        store.deleteKillSwitch();
        broker.releaseKillSwitch();
        LOG.warning(() -> "Kill switch released by " + user);
    }

    /**
     * What an agent needs in the broker, at start-up and whenever it is added or changed: its account (opened with the
     * starting cash if missing), then its risk limits.
     *
     * @return the account it opened, to save
     */
    public Optional<Account> prepare(Agent agent) {
        Optional<Account> opened = broker.account(agent.getAccountId()).isPresent() ? Optional.empty()
                : Optional.of(broker.openAccount(agent.getAccountId(), startingCash, BigDecimal.ONE));
        broker.setRiskLimits(agent.getId().value(), SignalOrders.limits(agent.getRisk()));
        return opened;
    }

    private Agent change(AgentId id, Consumer<Agent> change) {
        Agent agent = store.agent(id).orElseThrow(() -> noSuchAgent(id));
        change.accept(agent);
        return save(agent);
    }

    /** Saves an agent with what it needs in the broker in one transaction, then scans with it. */
    private Agent save(Agent agent) {
        Agent saved = store.saveAgent(agent, prepare(agent));
        scanner.install(saved);
        LOG.info(() -> "Agent " + saved.getId() + " saved (" + saved.getState() + ", script " + saved.getScriptHash().substring(0, 12) + ")");
        return saved;
    }

    private List<BrokerChanges> cancelLiveOrders(Predicate<Order> which, String reason) {
        List<BrokerChanges> changes = new ArrayList<>();
        // one at a time: canceling a parent also settles its bracket legs
        Optional<Order> next;
        while ((next = broker.liveOrders().stream().filter(which).findFirst()).isPresent()) {
            changes.add(broker.cancel(next.get().id(), reason));
        }
        return changes;
    }

    private void requireFlat(String accountId, String what) {
        long open = broker.openPositions().stream().filter(p -> p.accountId().equals(accountId)).count();
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
}
