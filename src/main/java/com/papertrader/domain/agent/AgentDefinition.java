package com.papertrader.domain.agent;

import java.time.Clock;
import java.util.Objects;

/** An agent as a file describes it (see {@link AgentScriptFiles}): everything needed to create the {@link Agent}. */
public record AgentDefinition(AgentId id, String name, String script, WatchedTickers tickers, AgentParameters parameters,
                              AgentRiskSettings risk) {

    public AgentDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(tickers, "tickers");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(risk, "risk");
    }

    /** A new, enabled agent. */
    public Agent toAgent(Clock clock) {
        return new Agent(id, name, script, tickers, parameters, risk, clock);
    }
}
