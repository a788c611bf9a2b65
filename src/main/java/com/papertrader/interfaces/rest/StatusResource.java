package com.papertrader.interfaces.rest;

import com.papertrader.application.StatusService;
import com.papertrader.application.SystemStatus;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/status. Written with JSON-P rather than JSON-B so every key is present (null when unknown) and the
 * document is the same on WildFly and Payara, whose JSON-B set-ups differ on nulls in records. Money is a string
 * ("1234.56"), so no amount passes through a double.
 */
@Path("status")
public class StatusResource {

    @Inject
    StatusService status;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return json(status.current());
    }

    /** The status document, also sent to the pages as the server-sent event "status". */
    static JsonObject json(SystemStatus current) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("isRunning", current.isRunning())
                .add("feed", current.feed())
                .add("feedConnected", current.feedConnected())
                .add("subscribedTickers", Json.createArrayBuilder(current.subscribedTickers()))
                .add("activeAgents", current.activeAgents())
                .add("watchedTickers", Json.createArrayBuilder(current.watchedTickers()))
                .add("pendingOrders", current.pendingOrders())
                .add("activeAccounts", current.activeAccounts())
                .add("callsToday", current.callsToday())
                .add("expectedCallsToday", current.expectedCallsToday())
                .add("totalEquity", current.totalEquity().toPlainString())
                .add("dayPnl", current.dayPnl().toPlainString())
                .add("killSwitchEngaged", current.killSwitchEngagedBy() != null)
                .add("killSwitchFlattened", current.killSwitchFlattened())
                .add("role", current.role())
                .add("node", current.node());
        addOrNull(json, "lastPollAt", current.lastPollAt());
        addOrNull(json, "nextBarDueAt", current.nextBarDueAt());
        addOrNull(json, "callsPerMinuteLimit", current.callsPerMinuteLimit());
        addOrNull(json, "lastError", current.lastError());
        addOrNull(json, "killSwitchEngagedBy", current.killSwitchEngagedBy());
        addOrNull(json, "killSwitchEngagedAt", current.killSwitchEngagedAt());
        addOrNull(json, "activeSince", current.activeSince());
        return json.build();
    }

    private static void addOrNull(JsonObjectBuilder json, String key, Object value) {
        if (value == null) {
            json.addNull(key);
        } else if (value instanceof Integer number) {
            json.add(key, number);
        } else {
            json.add(key, value.toString());
        }
    }
}
