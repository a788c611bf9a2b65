package com.papertrader.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of an agent's script, kept for good once saved: an order's script hash names the exact source that
 * placed it, and an agent's page lists every version it has run.
 */
@Entity
@Table(name = "agent_scripts")
public class ScriptVersion {

    @Id
    @Column(length = 140)
    private String id;

    @Column(name = "agent_id", nullable = false, length = 63)
    private String agentId;

    @Column(name = "script_hash", nullable = false, length = 64)
    private String scriptHash;

    @Column(nullable = false, length = Agent.MAX_SCRIPT_LENGTH)
    private String script;

    @Column(name = "first_saved_at", nullable = false)
    private Instant firstSavedAt;

    protected ScriptVersion() {
        // for JPA
    }

    /** The script the agent holds now, first saved at {@code savedAt}. */
    public ScriptVersion(Agent agent, Instant savedAt) {
        this.agentId = agent.getId().value();
        this.scriptHash = agent.getScriptHash();
        this.script = agent.getScript();
        this.id = idOf(agent.getId(), scriptHash);
        this.firstSavedAt = Objects.requireNonNull(savedAt, "savedAt");
    }

    public static String idOf(AgentId agent, String scriptHash) {
        return agent.value() + "|" + scriptHash;
    }

    public String agentId() {
        return agentId;
    }

    public String scriptHash() {
        return scriptHash;
    }

    public String script() {
        return script;
    }

    public Instant firstSavedAt() {
        return firstSavedAt;
    }
}
