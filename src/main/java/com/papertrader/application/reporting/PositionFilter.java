package com.papertrader.application.reporting;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Which positions to list: by the agent that opened them, by account, open or closed. Every part is optional. */
public record PositionFilter(String agentId, String accountId, State state) {

    public enum State { OPEN, CLOSED }

    public static final PositionFilter NONE = new PositionFilter(null, null, null);

    public static PositionFilter forAgent(String agentId) {
        return new PositionFilter(agentId, null, null);
    }

    /** From the parameters {@code agent}, {@code account} and {@code state} (open or closed; absent for both). */
    public static PositionFilter parse(Function<String, String> parameters) {
        QueryParameters query = new QueryParameters(parameters);
        return new PositionFilter(query.agentId("agent"), query.agentId("account"), query.choice("state", State.class));
    }

    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        OrderFilter.put(parameters, "agent", agentId);
        OrderFilter.put(parameters, "account", accountId);
        OrderFilter.put(parameters, "state", state == null ? null : state.name().toLowerCase(Locale.ROOT));
        return parameters;
    }
}
