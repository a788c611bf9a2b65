package com.papertrader.application.audit;

import com.papertrader.domain.agent.Agent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What an edit changed in an agent, as the audit trail says it: "key: before -> after" per changed setting. */
public final class AgentChanges {

    private AgentChanges() {
    }

    /** The agent's settings as a person reads them; the script by its hash, so a changed script shows without its text. */
    public static Map<String, String> settings(Agent agent) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("name", agent.getName());
        settings.put("tickers", agent.getTickers().toString());
        settings.put("parameters", agent.getParameters().toString());
        settings.put("account", agent.getAccountId());
        settings.putAll(agent.getRisk().settings());
        settings.put("script", "sha256 " + agent.getScriptHash().substring(0, 12));
        return settings;
    }

    /**
     * Against {@link #settings} taken before the edit: "key: before -> after" for each setting that differs, joined by
     * "; "; "nothing changed" when none does.
     */
    public static String between(Map<String, String> beforeSettings, Agent after) {
        Map<String, String> afterSettings = settings(after);
        List<String> changes = new ArrayList<>();
        beforeSettings.forEach((key, old) -> {
            String now = afterSettings.get(key);
            if (!Objects.equals(old, now)) {
                changes.add(key + ": " + old + " -> " + now);
            }
        });
        return changes.isEmpty() ? "nothing changed" : String.join("; ", changes);
    }

    /** The settings of a new agent, as "key=value" joined by "; ". */
    public static String of(Agent agent) {
        List<String> parts = new ArrayList<>();
        settings(agent).forEach((key, value) -> parts.add(key + "=" + value));
        return String.join("; ", parts);
    }
}
