package com.papertrader.application.reporting;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.ScanRecord;
import java.util.Optional;

/** One agent as the agent list shows it: the agent, its results, and the latest scan that produced signals. */
public record AgentSummary(Agent agent, AgentPerformance performance, ScanRecord lastSignal) {

    public Optional<ScanRecord> latestSignal() {
        return Optional.ofNullable(lastSignal);
    }
}
