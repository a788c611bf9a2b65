package com.papertrader.application.trading;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.risk.AccountHalt;
import com.papertrader.domain.trading.risk.RefusalCount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one bar event's trading changed, bar after bar, to be saved in one transaction: the broker's changes (with the
 * corporate actions applied), the refused orders counted and the newest of them kept ({@link Refusals}), the scans to
 * keep, the agents whose scan health changed, and each ticker's newest bar traded on (its cursor). So a crash
 * leaves either all of it or none, and the bars are traded again.
 */
public final class TradingChanges {

    private final List<BrokerChanges> broker = new ArrayList<>();
    private final Refusals refusals;
    private final NewestPerKey<List<Object>, ScanRecord> scans;
    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final Map<String, Instant> cursors = new LinkedHashMap<>();
    private final Map<String, Instant> appliedActions = new LinkedHashMap<>();

    /**
     * @param refusedOrdersKept how many of each agent's newest refused orders to keep in full (see {@link Refusals})
     * @param scanRecordsKept   how many of each agent's newest scans with signals, and of its failed scans, to keep
     */
    public TradingChanges(int refusedOrdersKept, int scanRecordsKept) {
        this.refusals = new Refusals(refusedOrdersKept);
        this.scans = new NewestPerKey<>(scanRecordsKept);
    }

    /** Adds what trading one bar changed; the bar becomes its ticker's cursor. */
    public void add(Bar bar, BarChanges changes) {
        Set<BrokerChanges> refused = Collections.newSetFromMap(new IdentityHashMap<>());
        changes.refused().forEach(rejected -> refused.add(rejected.changes()));
        changes.broker().stream().filter(change -> !refused.contains(change)).forEach(broker::add);
        changes.refused().forEach(refusals::add);
        changes.broker().forEach(change -> change.applied().forEach(action -> appliedActions.put(action.key(), bar.start())));
        changes.scans().records().forEach(scan -> scans.add(List.of(scan.agentId(), scan.error().isPresent()), scan));
        changes.scans().agentsChanged().forEach(agent -> agents.put(agent.getId(), agent));
        cursors.put(bar.ticker(), bar.start());
    }

    /** Whether no bar was traded (every one had been before). */
    public boolean isEmpty() {
        return cursors.isEmpty();
    }

    /** The broker's changes to save, the refused orders' as {@link Refusals} keeps them. */
    public List<BrokerChanges> broker() {
        List<BrokerChanges> all = new ArrayList<>(broker);
        all.addAll(refusals.changes());
        return all;
    }

    /** The refusals to add to each agent's stored counts. */
    public Collection<RefusalCount> refusalCounts() {
        return refusals.counts();
    }

    /** How many refused orders each agent keeps in full: a store deletes the older ones of the agents counted here. */
    public int refusedOrdersKept() {
        return refusals.kept();
    }

    /** Each agent's newest scans with signals and failed scans, as many of each as {@link #scanRecordsKept()}. */
    public List<ScanRecord> scans() {
        return scans.kept();
    }

    /** How many scans with signals, and failed scans, each agent keeps: a store deletes the older ones of the agents in {@link #scans()}. */
    public int scanRecordsKept() {
        return scans.limit();
    }

    /** Each agent once, as it is now. */
    public Collection<Agent> agentsChanged() {
        return agents.values();
    }

    public Map<String, Instant> cursors() {
        return cursors;
    }

    /** The keys of the corporate actions applied, each with the start of the bar at whose open it was. */
    public Map<String, Instant> appliedActions() {
        return appliedActions;
    }

    /**
     * What the live pages and the notifications are told once this is saved: every order created or changed (once, as
     * it is now), every fill, the agents stopped (a stopped agent is not scanned, so one among the changed agents was
     * stopped by this event) and the accounts halted.
     */
    public TradingSaved saved() {
        Map<String, Order> orders = new LinkedHashMap<>();
        List<Fill> fills = new ArrayList<>();
        List<AccountHalt> halts = new ArrayList<>();
        for (BrokerChanges change : broker()) {
            change.orders().forEach(order -> orders.put(order.id(), order));
            fills.addAll(change.fills());
            halts.addAll(change.halts());
        }
        List<Agent> stopped = agents.values().stream().filter(agent -> agent.getState() == AgentState.ERRORED).toList();
        return new TradingSaved(List.copyOf(orders.values()), fills, stopped, halts);
    }
}
