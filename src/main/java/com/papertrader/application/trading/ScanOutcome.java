package com.papertrader.application.trading;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.trading.order.OrderRequest;
import java.util.List;

/**
 * What the scans of one closed bar produced: the orders the agents ask for, the scans worth keeping (those with
 * signals or errors) and the agents whose scan health changed (an error streak begun, ended, or stopping the agent).
 * Live trading saves the last two with the bar's trading; a backtest keeps neither.
 */
public record ScanOutcome(List<OrderRequest> orders, List<ScanRecord> records, List<Agent> agentsChanged) {

    public ScanOutcome {
        orders = List.copyOf(orders);
        records = List.copyOf(records);
        agentsChanged = List.copyOf(agentsChanged);
    }

    /** Orders from a source that keeps no scans (a test's script). */
    public static ScanOutcome ordersOnly(List<OrderRequest> orders) {
        return new ScanOutcome(orders, List.of(), List.of());
    }
}
