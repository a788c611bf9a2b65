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
 * document is the same on WildFly and Payara, whose JSON-B set-ups differ on nulls in records.
 */
@Path("status")
public class StatusResource {

    @Inject
    StatusService status;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        SystemStatus current = status.current();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("isRunning", current.isRunning())
                .add("feed", current.feed())
                .add("feedConnected", current.feedConnected())
                .add("subscribedTickers", Json.createArrayBuilder(current.subscribedTickers()))
                .add("activeAgents", current.activeAgents())
                .add("watchedTickers", Json.createArrayBuilder(current.watchedTickers()))
                .add("pendingOrders", current.pendingOrders())
                .add("activeAccounts", current.activeAccounts());
        if (current.lastPollAt() == null) {
            json.addNull("lastPollAt");
        } else {
            json.add("lastPollAt", current.lastPollAt().toString());
        }
        if (current.lastError() == null) {
            json.addNull("lastError");
        } else {
            json.add("lastError", current.lastError());
        }
        return json.build();
    }
}
