package com.papertrader.application.reporting;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.agent.ScriptVersion;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.risk.RefusalCount;
import java.util.List;
import java.util.Optional;

/** The read side of agents: each with its results over the positions it opened and its latest signals. */
public interface AgentQueries {

    /**
     * One agent with what its page shows besides its orders and positions: its latest signals and scan errors, and its
     * refused orders counted by day and rule, the latest days first.
     */
    record AgentDetail(AgentSummary summary, Account account, List<ScanRecord> recentScans, List<ScanRecord> recentErrors,
                       List<RefusalCount> refusals) {
    }

    List<AgentSummary> agents();

    Optional<AgentDetail> agent(AgentId id);

    /** Every version of the agent's script it has saved, newest first. */
    List<ScriptVersion> scriptVersions(AgentId id);

    /** One version of the agent's script, by its hash. */
    Optional<ScriptVersion> scriptVersion(AgentId id, String scriptHash);

    /** Agents the scanner stopped after repeated script errors, for the Overview. */
    List<Agent> agentsInError();
}
