package com.papertrader.domain.agent;

import java.time.Clock;
import java.util.Objects;

/**
 * An agent as a file describes it (see {@link AgentScriptFiles}): everything needed to create the {@link Agent}.
 *
 * @param account the paper account it trades, shared with other agents naming the same one; null for its own
 */
public record AgentDefinition(AgentId id, String name, String script, WatchedTickers tickers, AgentParameters parameters,
                              AgentRiskSettings risk, String account) {

    /** An agent trading its own account. */
    public AgentDefinition(AgentId id, String name, String script, WatchedTickers tickers, AgentParameters parameters,
                           AgentRiskSettings risk) {
        this(id, name, script, tickers, parameters, risk, null);
    }

    public AgentDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(tickers, "tickers");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(risk, "risk");
    }

    /** What an agent is now, as its file would describe it. */
    public static AgentDefinition of(Agent agent) {
        String account = agent.getAccountId().equals(agent.getId().value()) ? null : agent.getAccountId();
        return new AgentDefinition(agent.getId(), agent.getName(), agent.getScript(), agent.getTickers(), agent.getParameters(),
                agent.getRisk(), account);
    }

    /** A new, enabled agent. */
    public Agent toAgent(Clock clock) {
        Agent agent = new Agent(id, name, script, tickers, parameters, risk, clock);
        if (account != null) {
            agent.tradeIn(account, clock);
        }
        return agent;
    }
}
