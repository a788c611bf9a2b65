package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.ChartQueries;
import com.papertrader.application.reporting.ChartQueries.Candle;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.trading.order.Fill;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * GET /api/bars/{ticker}?from=&amp;to=&amp;limit= (stored bars, newest-bounded, oldest first; {@code olderTo} pages
 * back) and GET /api/bars/{ticker}/markers?agent=&amp;from=&amp;to= (the newest fills on that ticker, at most
 * {@link BarQuery#MAX_LIMIT}, for chart markers).
 * Prices are strings; a bad parameter is a 400 naming it ({@link BarQuery}).
 */
@Path("bars/{ticker}")
@Produces(MediaType.APPLICATION_JSON)
public class BarsResource {

    @Inject
    ChartQueries chart;

    /** Streamed: a page is up to 2,000 bars, and building them as JSON objects first cost more than writing them. */
    @GET
    public Response bars(@PathParam("ticker") String ticker, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("limit") String limit) {
        BarQuery query = ApiErrors.validated(() -> BarQuery.parse(ticker, from, to, limit));
        List<Candle> page = chart.candles(query.ticker(), query.from(), query.to(), query.limit());
        StreamingOutput body = out -> {
            try (JsonGenerator json = JsonValues.WRITER.createGenerator(out, StandardCharsets.UTF_8)) {
                json.writeStartObject()
                        .write("ticker", query.ticker().symbol())
                        .write("limit", query.limit())
                        .write("count", page.size())
                        .writeStartArray("bars");
                for (Candle bar : page) {
                    json.writeStartObject()
                            .write("time", JsonValues.instant(bar.start()))
                            .write("open", JsonValues.decimal(bar.open()))
                            .write("high", JsonValues.decimal(bar.high()))
                            .write("low", JsonValues.decimal(bar.low()))
                            .write("close", JsonValues.decimal(bar.close()))
                            .write("volume", bar.volume().stripTrailingZeros().toPlainString())
                            .writeEnd();
                }
                json.writeEnd();
                // A full page may have older bars before it: the client asks again with to = the oldest bar's start.
                if (page.size() == query.limit()) {
                    json.write("olderTo", page.get(0).start().toString());
                } else {
                    json.writeNull("olderTo");
                }
                json.writeEnd();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("markers")
    public JsonObject markers(@PathParam("ticker") String ticker, @QueryParam("agent") String agent,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        BarQuery query = ApiErrors.validated(() -> BarQuery.parse(ticker, from, to, null));
        Optional<AgentId> agentId = ApiErrors.validated(() -> BarQuery.agent(agent));
        JsonArrayBuilder markers = JsonValues.JSON.createArrayBuilder();
        chart.fills(query.ticker(), agentId, query.from(), query.to(), BarQuery.MAX_LIMIT).forEach(mark -> {
            Fill fill = mark.fill();
            markers.add(JsonValues.JSON.createObjectBuilder()
                    .add("time", fill.filledAt().toString())
                    .add("side", fill.side().name())
                    .add("buy", fill.side().isBuy())
                    .add("agent", fill.agentId())
                    .add("account", fill.accountId())
                    .add("quantity", fill.quantity())
                    .add("price", JsonValues.decimal(fill.price()))
                    .add("reason", mark.reason())
                    .add("orderId", fill.orderId()));
        });
        return JsonValues.JSON.createObjectBuilder().add("ticker", query.ticker().symbol()).add("markers", markers).build();
    }
}
