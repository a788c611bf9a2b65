package com.papertrader.application.scanning;

import com.papertrader.domain.agent.Agent;
import java.time.Duration;

/** Who wants each scan's cost as it happens (the operator's metrics). Called on the scanning thread: keep it cheap. */
@FunctionalInterface
public interface ScanObserver {

    /** Nobody: backtests and dry runs. */
    ScanObserver NONE = (agent, took, failed) -> {
    };

    /** {@code agent}'s script ran on a bar for {@code took}; {@code failed} when it threw, timed out or broke a rule. */
    void scanned(Agent agent, Duration took, boolean failed);
}
