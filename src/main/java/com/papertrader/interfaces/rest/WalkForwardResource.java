package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;
import static com.papertrader.interfaces.rest.JsonValues.commaSeparated;
import static com.papertrader.interfaces.rest.JsonValues.number;
import static com.papertrader.interfaces.rest.JsonValues.object;
import static com.papertrader.interfaces.rest.JsonValues.text;

import com.papertrader.application.backtest.WalkForward;
import com.papertrader.application.backtest.WalkForwardRequest;
import com.papertrader.application.backtest.WalkForwardService;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/**
 * Walk-forward tests for automation: {@code POST /api/walk-forwards} starts one (202 and its id);
 * {@code GET /api/walk-forwards/{id}} reports its progress and, once ended, each window (days, chosen parameters,
 * in-sample and out-of-sample figures), the joined out-of-sample statistics beside the in-sample mean, the probabilistic
 * and deflated Sharpe ratios and the joined equity curve; {@code POST /api/walk-forwards/{id}/cancel} stops it.
 */
@Path("walk-forwards")
@Produces(MediaType.APPLICATION_JSON)
public class WalkForwardResource {

    @Inject
    WalkForwardService tests;

    /** Body: a sweep's fields ({@code POST /api/sweeps}) plus {@code "inSampleDays"} and {@code "outOfSampleDays"}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(String body, @Context HttpServletRequest caller) {
        try {
            JsonObject json = JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
            WalkForwardRequest request = WalkForwardRequest.parse(text(json, "agentId"), commaSeparated(json, "tickers"),
                    text(json, "from"), text(json, "to"), text(json, "startingCash"), text(json, "prices"), text(json, "grid"),
                    text(json, "rankBy"), text(json, "inSampleDays"), text(json, "outOfSampleDays"));
            WalkForward test = tests.start(request, Callers.actor(caller));
            return Response.accepted(JSON.createObjectBuilder().add("id", test.getId()).add("status", test.getStatus().name())
                            .add("url", "/api/walk-forwards/" + test.getId()).add("page", "/walk-forwards/" + test.getId()).build())
                    .header("Location", "walk-forwards/" + test.getId()).build();
        } catch (JsonParsingException | ClassCastException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        tests.all().forEach(test -> list.add(summary(test)));
        return JSON.createObjectBuilder().add("walkForwards", list).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return tests.find(id).map(test -> Response.ok(full(test)).build())
                .orElseGet(() -> ApiErrors.response(Response.Status.NOT_FOUND, "no walk-forward test " + id));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id, @Context HttpServletRequest caller) {
        if (tests.find(id).isEmpty()) {
            return ApiErrors.response(Response.Status.NOT_FOUND, "no walk-forward test " + id);
        }
        return tests.cancel(id, Callers.actor(caller))
                ? Response.accepted(JSON.createObjectBuilder().add("id", id).add("cancel", true).build()).build()
                : ApiErrors.response(Response.Status.CONFLICT, "walk-forward test " + id + " is not running");
    }

    private JsonObjectBuilder summary(WalkForward test) {
        return JSON.createObjectBuilder()
                .add("id", test.getId())
                .add("agentId", test.getAgentId())
                .add("tickers", JSON.createArrayBuilder(test.getTickers()))
                .add("from", test.getFromDay().toString())
                .add("to", test.getToDay().toString())
                .add("prices", test.isRawPrices() ? "raw" : "adjusted")
                .add("startingCash", test.getStartingCash().toPlainString())
                .add("grid", object(test.getGrid().toJson()))
                .add("rankBy", test.getRankBy().key())
                .add("inSampleDays", test.getInSampleDays())
                .add("outOfSampleDays", test.getOutOfSampleDays())
                .add("status", tests.statusOf(test))
                .add("windowsDone", tests.windowsDone(test))
                .add("windowsTotal", test.getWindowsTotal())
                .add("error", test.getError() == null ? JsonValue.NULL : JSON.createValue(test.getError()))
                .add("createdAt", test.getCreatedAt().toString())
                .add("finishedAt", test.getFinishedAt() == null ? JsonValue.NULL : JSON.createValue(test.getFinishedAt().toString()));
    }

    private JsonObject full(WalkForward test) {
        JsonObjectBuilder json = summary(test);
        if (test.getEndEquity() == null) {
            return json.addNull("outOfSample").add("windows", JsonValue.EMPTY_JSON_ARRAY).add("equity", JsonValue.EMPTY_JSON_ARRAY).build();
        }
        json.add("outOfSample", JSON.createObjectBuilder()
                .add("endEquity", test.getEndEquity().toPlainString())
                .add("totalReturn", number(test.getTotalReturn()))
                .add("sharpe", number(test.getSharpe()))
                .add("maxDrawdown", number(test.getMaxDrawdown()))
                .add("trades", test.getTradeCount())
                .add("probabilisticSharpe", number(test.getProbabilisticSharpe()))
                .add("deflatedSharpe", number(test.getDeflatedSharpe()))
                .add("trials", test.getTrials()));
        json.add("inSampleMean", number(test.getInSampleMean()));
        JsonArrayBuilder windows = JSON.createArrayBuilder();
        test.getWindows().forEach(window -> windows.add(JSON.createObjectBuilder()
                .add("inSampleFrom", window.getInSampleFrom().toString()).add("inSampleTo", window.getInSampleTo().toString())
                .add("outOfSampleFrom", window.getOutOfSampleFrom().toString()).add("outOfSampleTo", window.getOutOfSampleTo().toString())
                .add("parameters", window.parameters().<JsonValue>map(JsonValues::object).orElse(JsonValue.NULL))
                .add("inSampleValue", number(window.getInSampleValue()))
                .add("inSampleReturn", number(window.getInSampleReturn()))
                .add("inSampleSharpe", number(window.getInSampleSharpe()))
                .add("outOfSampleReturn", number(window.getOutOfSampleReturn()))
                .add("outOfSampleSharpe", number(window.getOutOfSampleSharpe()))
                .add("outOfSampleEquity", window.getOutOfSampleEquity() == null ? JsonValue.NULL
                        : JSON.createValue(window.getOutOfSampleEquity().toPlainString()))
                .add("failedRuns", window.getFailedRuns())));
        JsonArrayBuilder equity = JSON.createArrayBuilder();
        test.getEquity().forEach(point -> equity.add(JSON.createObjectBuilder().add("t", point.getAt().toString())
                .add("equity", point.getEquity().toPlainString()).add("drawdown", point.getDrawdown())));
        return json.add("windows", windows).add("equity", equity).build();
    }
}
