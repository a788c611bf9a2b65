package com.papertrader.domain.agent;

import com.papertrader.domain.market.BarWindow;

/**
 * Runs agents' scan scripts (see agents/README.md for the script contract). Implementations are sandboxed:
 * a script cannot reach Java, files or the network, and every scan is bounded in instructions, time, memory and
 * stack, so a failing script yields a {@link ScanResult} with an error and never affects other agents.
 * Thread-safe; scans of one {@link AgentScript} run one at a time.
 */
public interface AgentRuntime {

    /** Compiles once; never throws for a bad script, reports its errors with line and column instead. */
    Compilation compile(AgentId agentId, String source);

    /**
     * Runs {@code scan(bars, ctx)} over the window (its newest bar is the one that just closed).
     * Never throws for anything the script does.
     *
     * @throws IllegalArgumentException for an empty window or a script compiled by another runtime
     */
    ScanResult scan(AgentScript script, BarWindow window, ScanContext context);
}
