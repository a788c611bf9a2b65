package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.LiveStatistics;
import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.AgentFiles;
import com.papertrader.application.trading.StaleAgentVersion;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.ScriptVersion;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * GET /api/agents: every agent with state, tickers, results and last signal and error;
 * GET /api/agents/{id}: one agent with its script, parameters, account, recent signals, orders and positions.
 * Agents as code (admin, web.xml): POST /api/agents and PUT /api/agents/{id} take an agent file (the format of
 * {@code agents/}: {@code Content-Type: text/javascript}, the id from the path or {@code ?id=}) or JSON (the file's
 * metadata keys plus {@code id} and {@code script}); a stale {@code If-Match} version (or JSON {@code version}) is a
 * 409. DELETE /api/agents/{id}, POST /api/agents/{id}/pause and /enable. GET /api/agents/{id}/file gives the file,
 * GET /api/agents/export every file in a zip, and POST /api/agents/import (a zip) saves them all or, with one bad file,
 * none. Errors are {"error", "field"}, a script's also {"errors": [{line, column, message}]}.
 */
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    /** The agent files' media type (as {@code agents/*.js}). */
    static final String AGENT_FILE = "text/javascript";
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

    @Inject
    AgentFiles files;

    @Inject
    TradingDesk desk;

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

    @POST
    @Consumes({MediaType.APPLICATION_JSON, AGENT_FILE, "application/javascript", MediaType.TEXT_PLAIN})
    public Response create(String body, @QueryParam("id") String id, @Context HttpHeaders headers, @Context HttpServletRequest caller) {
        return save(body, id, true, headers, caller);
    }

    @PUT
    @Path("{id}")
    @Consumes({MediaType.APPLICATION_JSON, AGENT_FILE, "application/javascript", MediaType.TEXT_PLAIN})
    public Response change(String body, @PathParam("id") String id, @Context HttpHeaders headers, @Context HttpServletRequest caller) {
        existing(id);
        return save(body, id, false, headers, caller);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest caller) {
        AgentId agent = existing(id);
        refusedAsConflict(() -> {
            desk.deleteAgent(agent, Callers.actor(caller));
            return agent;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pause")
    public JsonObject pause(@PathParam("id") String id, @Context HttpServletRequest caller) {
        AgentId agent = existing(id);
        refusedAsConflict(() -> desk.pauseAgent(agent, Callers.actor(caller)));
        return one(id);
    }

    @POST
    @Path("{id}/enable")
    public JsonObject enable(@PathParam("id") String id, @Context HttpServletRequest caller) {
        AgentId agent = existing(id);
        refusedAsConflict(() -> desk.enableAgent(agent, Callers.actor(caller)));
        return one(id);
    }

    /** The agent's file: what POST and PUT take, and what {@code agents/} holds. */
    @GET
    @Path("{id}/file")
    @Produces(AGENT_FILE + ";charset=utf-8")
    public Response file(@PathParam("id") String id) {
        var agent = AgentId.tryParse(id).flatMap(agents::agent).orElseThrow(() -> TradingJson.notFound("no agent " + id)).summary().agent();
        return Response.ok(AgentScriptFiles.write(AgentDefinition.of(agent)))
                .header("Content-Disposition", "attachment; filename=\"" + agent.getId() + ".js\"").build();
    }

    /** Every agent's file in one zip, {@code <id>.js} each. */
    @GET
    @Path("export")
    @Produces("application/zip")
    public Response export() {
        Map<String, String> all = files.all();
        StreamingOutput zip = out -> AgentZip.write(all, out);
        return Response.ok(zip).header("Content-Disposition", "attachment; filename=\"agents.zip\"").build();
    }

    /** A zip of agent files saved all or none: each added when new, changed when its id exists. */
    @POST
    @Path("import")
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    public Response importAll(InputStream zip, @Context HttpServletRequest caller) {
        try {
            AgentFiles.Imported imported = files.importAll(AgentZip.read(zip), Callers.actor(caller));
            return Response.ok(JSON.createObjectBuilder().add("created", JSON.createArrayBuilder(imported.created()))
                    .add("changed", JSON.createArrayBuilder(imported.changed())).build()).build();
        } catch (IllegalArgumentException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, "file", e.getMessage());
        } catch (AgentFiles.FileRejected rejected) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, "file", rejected.getMessage());
        } catch (AgentChangeRefused refused) {
            return ApiErrors.response(Response.Status.CONFLICT, refused.field(), "the import stopped part way: " + refused.getMessage());
        }
    }

    private Response save(String body, String id, boolean creating, HttpHeaders headers, HttpServletRequest caller) {
        try {
            AgentDefinition definition;
            Long version = ifMatch(headers);
            if (MediaType.APPLICATION_JSON_TYPE.isCompatible(headers.getMediaType())) {
                JsonObject json = JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
                String jsonId = json.containsKey("id") ? json.getString("id") : id;
                if (id != null && jsonId != null && !id.equals(jsonId)) {
                    return ApiErrors.response(Response.Status.BAD_REQUEST, "id", "the body's id " + jsonId + " is not the path's " + id);
                }
                if (json.containsKey("version") && json.get("version") instanceof JsonNumber number) {
                    version = number.longValueExact();
                }
                definition = definition(jsonId, json);
            } else {
                if (id == null || id.isBlank()) {
                    return ApiErrors.response(Response.Status.BAD_REQUEST, "id", "name the agent: PUT /api/agents/{id} or POST /api/agents?id=");
                }
                definition = AgentScriptFiles.parse(id + ".js", body == null ? "" : body);
            }
            Agent saved = files.save(definition, creating, version, Callers.actor(caller));
            Response.ResponseBuilder answer = creating ? Response.created(URI.create("agents/" + saved.getId())) : Response.ok();
            return answer.entity(one(saved.getId().value())).build();
        } catch (JsonParsingException | ClassCastException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, "body", "the body is not a JSON object: " + e.getMessage());
        } catch (AgentFiles.ScriptRejected rejected) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            rejected.errors().forEach(error -> errors.add(JSON.createObjectBuilder().add("line", error.line())
                    .add("column", error.column()).add("message", error.message())));
            JsonObject document = ApiErrors.document(rejected.field(), rejected.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(JSON.createObjectBuilder(document).add("errors", errors).build()).build();
        } catch (StaleAgentVersion stale) {
            return ApiErrors.response(Response.Status.CONFLICT, "version", stale.getMessage());
        } catch (AgentChangeRefused refused) {
            boolean taken = "id".equals(refused.field());
            return ApiErrors.response(taken ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST, refused.field(), refused.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, field(e.getMessage()), e.getMessage());
        }
    }

    /** From JSON: the agent file's metadata keys, plus the id and the script. */
    private static AgentDefinition definition(String id, JsonObject json) {
        if (id == null) {
            throw new IllegalArgumentException("id is required");
        }
        if (!(json.get("script") instanceof JsonString script)) {
            throw new IllegalArgumentException("script is required and must be a string");
        }
        JsonObjectBuilder metadata = JSON.createObjectBuilder(json);
        List.of("id", "script", "version").forEach(metadata::remove);
        return AgentScriptFiles.definition(AgentId.of(id), metadata.build(), script.getString());
    }

    /** The JSON key a parse error names first (the messages start with it), else none. */
    private static String field(String message) {
        String text = message == null ? "" : message.replaceFirst("^agent file [^:]+: ", "");
        if (List.of("positionNotional", "maxOpenPositions", "stopLossPercent", "takeProfitPercent", "allowPyramiding", "maxDailyLoss",
                "flattenMinutesBeforeClose", "coolDownAfterLosses", "maxDrawdownPercent").stream().anyMatch(text::contains)) {
            return "risk";
        }
        return List.of("id", "name", "tickers", "parameters", "account", "script").stream()
                .filter(key -> text.startsWith(key + " ") || text.contains("'" + key + "'")).findFirst().orElse("body");
    }

    private static Long ifMatch(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.IF_MATCH);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match holds the agent's version, a whole number (GET /api/agents/{id}: version)", e);
        }
    }

    private AgentId existing(String id) {
        return AgentId.tryParse(id).filter(agent -> agents.agent(agent).isPresent())
                .orElseThrow(() -> TradingJson.notFound("no agent " + id));
    }

    private static <T> T refusedAsConflict(Supplier<T> change) {
        try {
            return change.get();
        } catch (AgentChangeRefused refused) {
            throw ApiErrors.conflict(refused.getMessage());
        }
    }
}
