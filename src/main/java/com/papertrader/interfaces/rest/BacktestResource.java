package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;
import static com.papertrader.interfaces.rest.JsonValues.commaSeparated;
import static com.papertrader.interfaces.rest.JsonValues.number;
import static com.papertrader.interfaces.rest.JsonValues.text;

import com.papertrader.application.backtest.BacktestRequest;
import com.papertrader.application.backtest.BacktestRun;
import com.papertrader.application.backtest.BacktestService;
import com.papertrader.application.backtest.ParityReport;
import com.papertrader.application.backtest.Statistics;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Backtests for automation: {@code POST /api/backtests} queues one (202 and its id), {@code GET /api/backtests/{id}}
 * reports progress and, when done, the statistics, trades, equity curve and buy-and-hold comparison;
 * {@code POST /api/backtests/{id}/cancel} stops it; {@code GET /api/backtests/parity?agent=&day=} compares a live day
 * with its replay. Money as strings, times as ISO-8601 instants, ratios as numbers (null when not a number).
 */
@Path("backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestResource {

    @Inject
    BacktestService backtests;

    /** Body: {"agentId", "tickers": ["AAPL"] or "AAPL,MSFT", "from": "yyyy-MM-dd", "to": "yyyy-MM-dd", "startingCash": "100000.00"}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(String body, @Context HttpServletRequest caller) {
        BacktestRequest request;
        try {
            JsonObject json = JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
            request = BacktestRequest.parse(text(json, "agentId"), commaSeparated(json, "tickers"), text(json, "from"), text(json, "to"),
                    text(json, "startingCash"), false).withPrices(text(json, "prices"));
            BacktestRun run = backtests.start(request, Optional.empty(), "stored bars", Callers.actor(caller));
            return Response.accepted(JSON.createObjectBuilder().add("id", run.getId()).add("status", run.getStatus().name())
                            .add("url", "/api/backtests/" + run.getId()).add("page", "/backtests/" + run.getId()).build())
                    .header("Location", "backtests/" + run.getId()).build();
        } catch (JsonParsingException | ClassCastException e) {
            return badRequest("the body is not a JSON object: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    @GET
    public JsonObject list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        backtests.all().forEach(run -> list.add(summary(run)));
        return JSON.createObjectBuilder().add("backtests", list).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return backtests.find(id).map(run -> Response.ok(full(run)).build())
                .orElseGet(() -> error(Response.Status.NOT_FOUND, "no backtest " + id));
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@PathParam("id") String id, @Context HttpServletRequest caller) {
        if (backtests.find(id).isEmpty()) {
            return error(Response.Status.NOT_FOUND, "no backtest " + id);
        }
        return backtests.cancel(id, Callers.actor(caller))
                ? Response.accepted(JSON.createObjectBuilder().add("id", id).add("cancel", true).build()).build()
                : error(Response.Status.CONFLICT, "backtest " + id + " is not running");
    }

    @GET
    @Path("parity")
    public Response parity(@QueryParam("agent") String agent, @QueryParam("day") String day) {
        try {
            if (agent == null || day == null) {
                return badRequest("give agent and day (yyyy-MM-dd)");
            }
            ParityReport report = backtests.parity(agent, LocalDate.parse(day));
            JsonArrayBuilder differences = JSON.createArrayBuilder();
            report.differences().forEach(d -> differences.add(JSON.createObjectBuilder().add("kind", d.kind()).add("id", d.id())
                    .add("live", nullable(d.live())).add("replay", nullable(d.replay()))));
            return Response.ok(JSON.createObjectBuilder().add("agentId", agent).add("day", day)
                    .add("identical", report.identical())
                    .add("liveOrders", report.liveOrders()).add("replayedOrders", report.replayedOrders())
                    .add("liveFills", report.liveFills()).add("replayedFills", report.replayedFills())
                    .add("differences", differences).build()).build();
        } catch (DateTimeParseException e) {
            return badRequest("day: \"" + day + "\" is not a date (yyyy-MM-dd)");
        } catch (IllegalArgumentException e) {
            return badRequest(e.getMessage());
        }
    }

    private JsonObjectBuilder summary(BacktestRun run) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", run.getId())
                .add("agentId", run.getAgentId())
                .add("tickers", JSON.createArrayBuilder(run.getTickers()))
                .add("from", nullable(run.getFromDay()))
                .add("to", nullable(run.getToDay()))
                .add("source", run.getSource())
                .add("startingCash", run.getStartingCash().toPlainString())
                .add("status", backtests.statusOf(run))
                .add("barsDone", backtests.barsDone(run))
                .add("barsTotal", backtests.barsTotal(run))
                .add("error", nullable(run.getError()))
                .add("agentStopped", nullable(run.getAgentStopped()))
                .add("createdAt", run.getCreatedAt().toString())
                .add("finishedAt", nullable(run.getFinishedAt()));
        return json;
    }

    private JsonObject full(BacktestRun run) {
        JsonObjectBuilder json = summary(run);
        if (run.getEndEquity() == null) {
            return json.addNull("statistics").addNull("buyAndHold").add("trades", JsonValue.EMPTY_JSON_ARRAY)
                    .add("equity", JsonValue.EMPTY_JSON_ARRAY).build();
        }
        json.add("statistics", JSON.createObjectBuilder()
                .add("returnsBasis", Statistics.RETURNS_BASIS)
                .add("endEquity", run.getEndEquity().toPlainString())
                .add("netProfit", run.getEndEquity().subtract(run.getStartingCash()).toPlainString())
                .add("totalReturn", number(run.getTotalReturn()))
                .add("cagr", number(run.getCagr()))
                .add("sharpe", number(run.getSharpe()))
                .add("sortino", number(run.getSortino()))
                .add("maxDrawdown", number(run.getMaxDrawdown()))
                .add("maxDrawdownDuration", run.maxDrawdownDuration().map(Object::toString).map(JSON::createValue)
                        .map(JsonValue.class::cast).orElse(JsonValue.NULL))
                .add("trades", run.getTradeCount())
                .add("winRate", number(run.getWinRate()))
                .add("profitFactor", number(run.getProfitFactor()))
                .add("averageWin", run.getAverageWin().toPlainString())
                .add("averageLoss", run.getAverageLoss().toPlainString())
                .add("exposure", number(run.getExposure()))
                .add("calmar", number(run.getCalmar()))
                .add("sqn", number(run.getSqn()))
                .add("averageMae", number(run.getAverageMae()))
                .add("averageMfe", number(run.getAverageMfe()))
                .add("longestLosingStreak", run.getLongestLosingStreak() == null ? JsonValue.NULL
                        : JSON.createValue(run.getLongestLosingStreak()))
                .add("turnover", number(run.getTurnover())));
        JsonArrayBuilder holdings = JSON.createArrayBuilder();
        run.getHoldings().forEach(h -> holdings.add(JSON.createObjectBuilder().add("ticker", h.getTicker())
                .add("shares", h.getShares()).add("entryPrice", h.getEntryPrice().toPlainString())
                .add("exitPrice", h.getExitPrice().toPlainString()).add("return", h.getTickerReturn())));
        json.add("buyAndHold", JSON.createObjectBuilder().add("endEquity", run.getBuyAndHoldEquity().toPlainString())
                .add("totalReturn", number(run.buyAndHoldReturn().orElse(null))).add("tickers", holdings));
        JsonArrayBuilder trades = JSON.createArrayBuilder();
        run.getTrades().forEach(t -> trades.add(JSON.createObjectBuilder()
                .add("ticker", t.getTicker()).add("side", t.getSide().name()).add("quantity", t.getQuantity())
                .add("entryAt", t.getEntryAt().toString()).add("entryPrice", t.getEntryPrice().toPlainString())
                .add("entryReason", nullable(t.getEntryReason()))
                .add("exitAt", nullable(t.getExitAt())).add("exitPrice", nullable(t.getExitPrice()))
                .add("exitReason", nullable(t.getExitReason())).add("pnl", nullable(t.getPnl()))
                .add("mae", number(t.getAdverseExcursion())).add("mfe", number(t.getFavourableExcursion()))));
        JsonArrayBuilder equity = JSON.createArrayBuilder();
        run.getEquity().forEach(point -> equity.add(JSON.createObjectBuilder().add("t", point.getAt().toString())
                .add("equity", point.getEquity().toPlainString()).add("drawdown", point.getDrawdown())));
        return json.add("trades", trades).add("equity", equity).build();
    }

    private static JsonValue nullable(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        return JSON.createValue(value instanceof BigDecimal amount ? amount.toPlainString() : value.toString());
    }

    private static Response badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, message);
    }

    private static Response error(Response.Status status, String message) {
        return ApiErrors.response(status, message);
    }
}
