package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.LiveStatistics;
import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.ScriptVersion;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.util.List;

/**
 * GET /api/agents: every agent with state, tickers, results and last signal and error;
 * GET /api/agents/{id}: one agent with its script, parameters, account, recent signals, orders and positions.
 */
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    /** Orders and positions in an agent's document; the rest through /api/orders?agent= and /api/positions?agent=. */
    private static final int RECENT = 20;

    @Inject
    AgentQueries agents;

    @Inject
    OrderQueries orders;

    @Inject
    PositionQueries positions;

    @Inject
    LiveStatistics statistics;

    @GET
    public JsonObject list() {
        return JSON.createObjectBuilder().add("agents", TradingJson.array(agents.agents(), TradingJson::agent)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        var detail = AgentId.tryParse(id).flatMap(agents::agent).orElseThrow(() -> TradingJson.notFound("no agent " + id));
        var agent = detail.summary().agent();
        var json = JSON.createObjectBuilder(TradingJson.agent(detail.summary()))
                .add("script", agent.getScript())
                .add("parameters", JSON.createReader(new StringReader(agent.getParameters().toJson())).readObject())
                .add("recentSignals", TradingJson.array(detail.recentScans(), TradingJson::scan))
                .add("recentErrors", TradingJson.array(detail.recentErrors(), TradingJson::scanError))
                .add("refusals", TradingJson.array(detail.refusals(), TradingJson::refusals))
                .add("orders", TradingJson.array(orders.orders(OrderFilter.forAgent(id), PageRequest.first(RECENT)).items(), TradingJson::order))
                .add("positions", TradingJson.array(positions.positions(PositionFilter.forAgent(id), PageRequest.first(RECENT)).items(),
                        TradingJson::position));
        if (detail.account() == null) {
            json.addNull("account");
        } else {
            json.add("account", TradingJson.account(detail.account()));
        }
        // the agent's account's, since it opened or was last reset (null for an agent without one)
        if (detail.account() == null) {
            json.addNull("statistics");
        } else {
            json.add("statistics", TradingJson.statistics(statistics.of(detail.account())));
        }
        return json.build();
    }

    /** Every version of the agent's script it has saved, newest first (a deleted agent's too), without the source. */
    @GET
    @Path("{id}/scripts")
    public JsonObject scripts(@PathParam("id") String id) {
        List<ScriptVersion> versions = AgentId.tryParse(id).map(agents::scriptVersions).orElse(List.of());
        if (versions.isEmpty()) {
            throw TradingJson.notFound("no scripts of agent " + id);
        }
        var array = JsonValues.JSON.createArrayBuilder();
        versions.forEach(version -> array.add(JsonValues.JSON.createObjectBuilder()
                .add("hash", version.scriptHash()).add("firstSavedAt", version.firstSavedAt().toString())));
        return JsonValues.JSON.createObjectBuilder().add("scripts", array).build();
    }

    /** One version of the agent's script with its source: what an order's scriptHash names. */
    @GET
    @Path("{id}/scripts/{hash}")
    public JsonObject script(@PathParam("id") String id, @PathParam("hash") String hash) {
        ScriptVersion version = AgentId.tryParse(id).flatMap(agent -> agents.scriptVersion(agent, hash))
                .orElseThrow(() -> TradingJson.notFound("no script " + hash + " of agent " + id));
        return JsonValues.JSON.createObjectBuilder().add("hash", version.scriptHash())
                .add("firstSavedAt", version.firstSavedAt().toString()).add("script", version.script()).build();
    }
}
