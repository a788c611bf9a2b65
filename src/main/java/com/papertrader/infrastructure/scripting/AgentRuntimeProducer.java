package com.papertrader.infrastructure.scripting;

import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The one sandboxed script runtime of the application (thread-safe), with the default sandbox limits. */
@ApplicationScoped
public class AgentRuntimeProducer {

    @Inject
    MarketCalendar calendar;

    @Produces
    @Singleton
    AgentRuntime runtime() {
        return new RhinoAgentRuntime(SandboxLimits.defaults(), calendar);
    }
}
