package com.papertrader.domain.agent;

import java.util.Objects;

/**
 * What a scan knows besides the bars: the agent's parameters and its open position in the ticker (null when flat).
 * The ticker and the time come from the newest bar of the window.
 */
public record ScanContext(AgentParameters parameters, OpenPosition position) {

    public ScanContext {
        Objects.requireNonNull(parameters, "parameters");
    }

    public static ScanContext flat(AgentParameters parameters) {
        return new ScanContext(parameters, null);
    }
}
