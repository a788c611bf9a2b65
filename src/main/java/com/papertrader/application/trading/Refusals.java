package com.papertrader.application.trading;

import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.risk.RefusalCount;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders risk rules refused in one save. Every one is counted by agent, trading day and rule; only each agent's
 * newest {@code kept} are saved in full (the order and its events), and of the others only what their checks changed
 * (an account halted or locked). At thousands of tickers a full book or a halted account refuses an agent's signals
 * thousands of times a bar, and each in full is an order row and two event rows nobody reads.
 */
final class Refusals {

    private final int kept;
    private final Map<String, Deque<SubmitResult.Rejected>> keptByAgent = new LinkedHashMap<>();
    private final Map<List<Object>, RefusalCount> counts = new LinkedHashMap<>();
    private final List<BrokerChanges> notKept = new ArrayList<>();

    Refusals(int kept) {
        if (kept < 0) {
            throw new IllegalArgumentException("refused orders kept must not be negative: " + kept);
        }
        this.kept = kept;
    }

    void add(SubmitResult.Rejected refused) {
        RefusalCount one = RefusalCount.of(refused.order(), refused.denial());
        counts.merge(List.of(one.agentId(), one.tradingDay(), one.rule()), one, RefusalCount::plus);
        Deque<SubmitResult.Rejected> agents = keptByAgent.computeIfAbsent(one.agentId(), agent -> new ArrayDeque<>());
        agents.addLast(refused);
        if (agents.size() > kept) {
            BrokerChanges rest = agents.removeFirst().changes().withoutOrders();
            if (!rest.isEmpty()) {
                notKept.add(rest);
            }
        }
    }

    /** What to save of the refusals: the kept ones' changes in full, the others' without their orders. */
    List<BrokerChanges> changes() {
        List<BrokerChanges> changes = new ArrayList<>(notKept);
        keptByAgent.values().forEach(agents -> agents.forEach(refused -> changes.add(refused.changes())));
        return changes;
    }

    /** The counts to add to the stored ones. */
    Collection<RefusalCount> counts() {
        return counts.values();
    }

    int kept() {
        return kept;
    }
}
