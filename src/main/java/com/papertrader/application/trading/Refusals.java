package com.papertrader.application.trading;

import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.risk.RefusalCount;
import java.util.ArrayList;
import java.util.Collection;
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

    private final NewestPerKey<String, SubmitResult.Rejected> keptByAgent;
    private final Map<List<Object>, RefusalCount> counts = new LinkedHashMap<>();
    private final List<BrokerChanges> notKept = new ArrayList<>();

    Refusals(int kept) {
        this.keptByAgent = new NewestPerKey<>(kept);
    }

    void add(SubmitResult.Rejected refused) {
        RefusalCount one = RefusalCount.of(refused.order(), refused.denial());
        counts.merge(List.of(one.agentId(), one.tradingDay(), one.rule()), one, RefusalCount::plus);
        keptByAgent.add(one.agentId(), refused)
                .map(dropped -> dropped.changes().withoutOrders())
                .filter(rest -> !rest.isEmpty())
                .ifPresent(notKept::add);
    }

    /** What to save of the refusals: the kept ones' changes in full, the others' without their orders. */
    List<BrokerChanges> changes() {
        List<BrokerChanges> changes = new ArrayList<>(notKept);
        keptByAgent.kept().forEach(refused -> changes.add(refused.changes()));
        return changes;
    }

    /** The counts to add to the stored ones. */
    Collection<RefusalCount> counts() {
        return counts.values();
    }

    int kept() {
        return keptByAgent.limit();
    }
}
