package com.papertrader.application.trading;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.risk.KillSwitch;
import com.papertrader.domain.trading.risk.RefusalCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TradingStore} in memory, for tests of live trading without a database: it keeps what it is given (the same
 * objects, as a persistence context would hand back copies) and counts the saves. Like the database, a failed save
 * changes nothing: set {@link #failNextSave}.
 */
public final class InMemoryTradingStore implements TradingStore {

    public final Map<String, Account> accounts = new LinkedHashMap<>();
    public final Map<String, Order> orders = new LinkedHashMap<>();
    /** By agent, trading day and rule. */
    public final Map<List<Object>, RefusalCount> refusals = new LinkedHashMap<>();
    public final Map<String, Fill> fills = new LinkedHashMap<>();
    public final Map<String, Position> positions = new LinkedHashMap<>();
    public final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    public final Map<String, Instant> cursors = new LinkedHashMap<>();
    public final List<ScanRecord> scans = new ArrayList<>();
    public final Map<String, LedgerEntry> ledger = new LinkedHashMap<>();
    public final Map<String, Instant> appliedActions = new LinkedHashMap<>();
    public KillSwitch killSwitch;
    public int saves;
    public boolean failNextSave;

    @Override
    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    @Override
    public List<Position> openPositions() {
        return positions.values().stream().filter(Position::isOpen).toList();
    }

    @Override
    public Collection<Order> ordersToRemember(Instant since) {
        return orders.values().stream().filter(order -> order.status().isWorking() || !order.barTime().isBefore(since)).toList();
    }

    @Override
    public List<Position> positionsClosedSince(Instant since) {
        return positions.values().stream().filter(position -> position.closedAt() != null && !position.closedAt().isBefore(since))
                .toList();
    }

    @Override
    public Optional<KillSwitch> killSwitch() {
        return Optional.ofNullable(killSwitch);
    }

    @Override
    public void saveKillSwitch(KillSwitch engaged, List<BrokerChanges> closes) {
        write();
        killSwitch = engaged;
        closes.forEach(this::keep);
    }

    @Override
    public void deleteKillSwitch() {
        write();
        killSwitch = null;
    }

    @Override
    public Map<String, Instant> cursors() {
        return Map.copyOf(cursors);
    }

    @Override
    public List<Agent> agents() {
        return List.copyOf(agents.values());
    }

    @Override
    public Optional<Agent> agent(AgentId id) {
        return Optional.ofNullable(agents.get(id));
    }

    @Override
    public Optional<Agent> agentNamed(String name) {
        return agents.values().stream().filter(agent -> agent.getName().equals(name)).findFirst();
    }

    @Override
    public Agent saveAgent(Agent agent, Optional<Account> openedAccount) {
        write();
        openedAccount.ifPresent(this::keep);
        agents.put(agent.getId(), agent);
        return agent;
    }

    @Override
    public List<Agent> saveAgents(Collection<Agent> saved) {
        write();
        saved.forEach(agent -> agents.put(agent.getId(), agent));
        return List.copyOf(saved);
    }

    @Override
    public void deleteAgent(AgentId id, List<BrokerChanges> canceled) {
        write();
        canceled.forEach(this::keep);
        agents.remove(id);
    }

    @Override
    public void saveReset(Account account, List<BrokerChanges> canceled) {
        write();
        canceled.forEach(this::keep);
        keep(account);
    }

    @Override
    public void save(BrokerChanges changes) {
        write();
        keep(changes);
    }

    @Override
    public void save(Account account) {
        write();
        keep(account);
    }

    @Override
    public void save(TradingChanges changes) {
        write();
        changes.broker().forEach(this::keep);
        changes.refusalCounts().forEach(count -> refusals.merge(List.of(count.agentId(), count.tradingDay(), count.rule()), count,
                RefusalCount::plus));
        changes.refusalCounts().stream().map(RefusalCount::agentId).distinct().forEach(agent -> orders.values().removeAll(
                orders.values().stream()
                        .filter(order -> order.agentId().equals(agent) && order.status() == OrderStatus.REJECTED)
                        .sorted(Comparator.comparing(Order::createdAt).thenComparing(Order::id).reversed())
                        .skip(changes.refusedOrdersKept())
                        .toList()));
        scans.addAll(changes.scans());
        // each agent's newest scans with signals and failed scans, as many of each as kept (saved in time order)
        Map<List<Object>, Integer> newer = new HashMap<>();
        for (int i = scans.size() - 1; i >= 0; i--) {
            ScanRecord scan = scans.get(i);
            if (newer.merge(List.of(scan.agentId(), scan.error().isPresent()), 1, Integer::sum) > changes.scanRecordsKept()) {
                scans.remove(i);
            }
        }
        changes.agentsChanged().forEach(agent -> agents.put(agent.getId(), agent));
        cursors.putAll(changes.cursors());
        appliedActions.putAll(changes.appliedActions());
    }

    private void write() {
        if (failNextSave) {
            failNextSave = false;
            throw new IllegalStateException("the database went away");
        }
        saves++;
    }

    private void keep(Account account) {
        accounts.put(account.id(), account);
        account.takeNewLedgerEntries().forEach(entry -> ledger.put(entry.id(), entry));
    }

    private void keep(BrokerChanges changes) {
        changes.accounts().forEach(account -> accounts.put(account.id(), account));
        changes.ledger().forEach(entry -> ledger.put(entry.id(), entry));
        changes.orders().forEach(order -> orders.put(order.id(), order));
        changes.fills().forEach(fill -> fills.put(fill.id(), fill));
        changes.positions().forEach(position -> positions.put(position.id(), position));
    }
}
