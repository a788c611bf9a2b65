package com.papertrader.domain.agent;

/** Whether the scanner runs an agent. */
public enum AgentState {
    /** Scanned on every new bar of its tickers. */
    ENABLED,
    /** Paused by a person; not scanned until enabled again. */
    PAUSED,
    /** Paused by the scanner after too many consecutive script errors; not scanned until enabled again. */
    ERRORED
}
