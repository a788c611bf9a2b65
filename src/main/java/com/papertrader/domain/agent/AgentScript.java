package com.papertrader.domain.agent;

/**
 * An agent's script compiled by an {@link AgentRuntime}, ready to scan many times. Holds the agent's own global
 * variables between scans, so each agent needs its own; keep it while {@link #scriptHash()} matches the agent's.
 */
public interface AgentScript {

    AgentId agentId();

    /** SHA-256 of the source it was compiled from (see {@link Agent#sha256}). */
    String scriptHash();
}
