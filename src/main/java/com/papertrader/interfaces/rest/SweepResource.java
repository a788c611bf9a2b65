package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;
import static com.papertrader.interfaces.rest.JsonValues.commaSeparated;
import static com.papertrader.interfaces.rest.JsonValues.object;
import static com.papertrader.interfaces.rest.JsonValues.text;

import com.papertrader.application.backtest.BacktestRun;
import com.papertrader.application.backtest.BacktestService;
import com.papertrader.application.backtest.BacktestSweep;
import com.papertrader.application.backtest.Heatmap;
import com.papertrader.application.backtest.SweepRequest;
import com.papertrader.application.backtest.SweepService;
import com.papertrader.application.backtest.SweepStatistic;
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
import java.math.BigDecimal;
import java.util.List;

/**
 * Parameter sweeps for automation: {@code POST /api/sweeps} starts one (202 and its id), {@code GET /api/sweeps/{id}}
 * reports its progress and its runs ranked by its statistic (each with its parameters, statistics and its backtest's
 * page) and the heatmap of its first two parameters; {@code POST /api/sweeps/{id}/cancel} stops it and
 * {@code POST /api/sweeps/{id}/resume} runs the combinations it left.
 */
@Path("sweeps")
@Produces(MediaType.APPLICATION_JSON)
public class SweepResource {

    @Inject
    SweepService sweeps;

    @Inject
    BacktestService backtests;

    /**
     * Body: the fields of {@code POST /api/backtests} (stored bars only) plus {@code "grid": {"fast": [5, 10],
     * "slow": {"from": 20, "to": 60, "step": 10}}} and {@code "rankBy": "sharpe"} (the default).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(String body, @Context HttpServletRequest caller) {
        try {
            JsonObject json = JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
            SweepRequest request = SweepRequest.parse(text(json, "agentId"), commaSeparated(json, "tickers"), text(json, "from"), text(json, "to"),
                    text(json, "startingCash"), text(json, "prices"), text(json, "grid"), text(json, "rankBy"));
            BacktestSweep sweep = sweeps.start(request, Callers.actor(caller));
            return Response.accepted(JSON.createObjectBuilder().add("id", sweep.getId()).add("status", sweep.getStatus().name())
                            .add("combinations", sweep.getCombinations()).add("url", "/api/sweeps/" + sweep.getId())
                            .add("page", "/sweeps/" + sweep.getId()).build())
                    .header("Location", "sweeps/" + sweep.getId()).build();
        } catch (JsonParsingException | ClassCastException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        sweeps.all().forEach(sweep -> list.add(summary(sweep)));
        return JSON.createObjectBuilder().add("sweeps", list).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return sweeps.find(id).map(sweep -> Response.ok(full(sweep)).build())
                .orElseGet(() -> ApiErrors.response(Response.Status.NOT_FOUND, "no sweep " + id));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id, @Context HttpServletRequest caller) {
        if (sweeps.find(id).isEmpty()) {
            return ApiErrors.response(Response.Status.NOT_FOUND, "no sweep " + id);
        }
        return sweeps.cancel(id, Callers.actor(caller))
                ? Response.accepted(JSON.createObjectBuilder().add("id", id).add("cancel", true).build()).build()
                : ApiErrors.response(Response.Status.CONFLICT, "sweep " + id + " is not running");
    }

    @POST
    @Path("{id}/resume")
    public Response resume(@PathParam("id") String id, @Context HttpServletRequest caller) {
        if (sweeps.find(id).isEmpty()) {
            return ApiErrors.response(Response.Status.NOT_FOUND, "no sweep " + id);
        }
        try {
            BacktestSweep sweep = sweeps.resume(id, Callers.actor(caller));
            return Response.accepted(JSON.createObjectBuilder().add("id", id).add("status", sweeps.statusOf(sweep)).build()).build();
        } catch (IllegalStateException e) {
            return ApiErrors.response(Response.Status.CONFLICT, e.getMessage());
        } catch (IllegalArgumentException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private JsonObjectBuilder summary(BacktestSweep sweep) {
        return JSON.createObjectBuilder()
                .add("id", sweep.getId())
                .add("agentId", sweep.getAgentId())
                .add("tickers", JSON.createArrayBuilder(sweep.getTickers()))
                .add("from", sweep.getFromDay().toString())
                .add("to", sweep.getToDay().toString())
                .add("prices", sweep.isRawPrices() ? "raw" : "adjusted")
                .add("startingCash", sweep.getStartingCash().toPlainString())
                .add("grid", object(sweep.getGrid().toJson()))
                .add("rankBy", sweep.getRankBy().key())
                .add("combinations", sweep.getCombinations())
                .add("status", sweeps.statusOf(sweep))
                .add("error", sweep.getError() == null ? JsonValue.NULL : JSON.createValue(sweep.getError()))
                .add("createdAt", sweep.getCreatedAt().toString())
                .add("finishedAt", sweep.getFinishedAt() == null ? JsonValue.NULL : JSON.createValue(sweep.getFinishedAt().toString()));
    }

    private JsonObject full(BacktestSweep sweep) {
        List<BacktestRun> ranked = sweeps.ranked(sweep);
        JsonArrayBuilder runs = JSON.createArrayBuilder();
        int rank = 1;
        long ended = 0;
        for (BacktestRun run : ranked) {
            String status = backtests.statusOf(run);
            ended += run.getStatus().isFinished() ? 1 : 0;
            runs.add(JSON.createObjectBuilder()
                    .add("rank", run.getStatus() == BacktestRun.Status.DONE ? JSON.createValue(rank++) : JsonValue.NULL)
                    .add("id", run.getId())
                    .add("index", run.getSweepIndex())
                    .add("parameters", object(run.parameters().orElseThrow().toJson()))
                    .add("status", status)
                    .add("error", run.getError() == null ? JsonValue.NULL : JSON.createValue(run.getError()))
                    .add("barsDone", backtests.barsDone(run))
                    .add("barsTotal", backtests.barsTotal(run))
                    .add("statistics", statistics(run))
                    .add("url", "/api/backtests/" + run.getId())
                    .add("page", "/backtests/" + run.getId()));
        }
        JsonObjectBuilder json = summary(sweep).add("runsEnded", ended).add("runs", runs);
        json.add("heatmap", Heatmap.of(sweep.getGrid(), ranked, sweep.getRankBy()).<JsonValue>map(SweepResource::heatmap)
                .orElse(JsonValue.NULL));
        return json.build();
    }

    private static JsonValue statistics(BacktestRun run) {
        if (run.getEndEquity() == null) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("endEquity", run.getEndEquity().toPlainString())
                .add("trades", run.getTradeCount());
        for (SweepStatistic statistic : SweepStatistic.values()) {
            Double value = statistic.of(run);
            json.add(statistic.key(), value == null ? JsonValue.NULL : JSON.createValue(value));
        }
        return json.build();
    }

    private static JsonObject heatmap(Heatmap map) {
        JsonArrayBuilder rows = JSON.createArrayBuilder();
        map.rows().forEach(row -> {
            JsonArrayBuilder cells = JSON.createArrayBuilder();
            row.forEach(cell -> cells.add(cell.isEmpty() ? JsonValue.NULL : JSON.createValue(cell.value())));
            rows.add(cells);
        });
        return JSON.createObjectBuilder().add("x", map.x()).add("y", map.y()).add("statistic", map.statistic().key())
                .add("xValues", values(map.xValues())).add("yValues", values(map.yValues())).add("values", rows).build();
    }

    private static JsonArrayBuilder values(List<Object> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(value -> array.add(value instanceof BigDecimal number ? JSON.createValue(number)
                : value == null ? JsonValue.NULL : JSON.createValue(value.toString())));
        return array;
    }
}
