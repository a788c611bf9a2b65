package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one sandboxed script runtime of the application (thread-safe), with the default sandbox limits. */
@ApplicationScoped
public class AgentRuntimeProducer {

    private final AgentRuntime runtime = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());

    @Produces
    public AgentRuntime runtime() {
        return runtime;
    }
}
