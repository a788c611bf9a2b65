package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * GET /api/orders.csv and /api/fills.csv: every order or fill matching the filters of /api/orders (agent, ticker,
 * status, from, to), newest first. Streamed a chunk at a time, each chunk its own short read, so a large export holds
 * neither the whole list in memory nor a database transaction open while the client reads.
 */
@Path("")
public class CsvExportResource {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final int CHUNK = PageRequest.MAX_SIZE;

    @Inject
    OrderQueries orders;

    @GET
    @Path("orders.csv")
    @Produces(CSV)
    public Response orders(@Context UriInfo uri) {
        OrderFilter filter = OrderFilter.parse(uri.getQueryParameters()::getFirst);
        return csv("orders.csv", Arrays.asList("id", "created_at", "agent", "account", "ticker", "side", "type", "time_in_force",
                        "role", "quantity", "filled_quantity", "limit_price", "stop_price", "average_fill_price", "commission",
                        "status", "reason", "bar_time", "script_hash"),
                request -> orders.orders(filter, request),
                (Order o) -> Arrays.asList(o.id(), o.createdAt(), o.agentId(), o.accountId(), o.ticker(), o.side(), o.type(),
                        o.timeInForce(), o.role(), o.quantity(), o.filledQuantity(), o.limitPrice(), o.stopPrice(),
                        o.averageFillPrice(), o.commission(), o.status(), o.reason(), o.barTime(), o.scriptHash()));
    }

    @GET
    @Path("fills.csv")
    @Produces(CSV)
    public Response fills(@Context UriInfo uri) {
        OrderFilter filter = OrderFilter.parse(uri.getQueryParameters()::getFirst);
        return csv("fills.csv", Arrays.asList("id", "filled_at", "order_id", "agent", "account", "ticker", "side", "quantity",
                        "price", "commission"),
                request -> orders.fills(filter, request),
                (Fill f) -> Arrays.asList(f.id(), f.filledAt(), f.orderId(), f.agentId(), f.accountId(), f.ticker(), f.side(),
                        f.quantity(), f.price(), f.commission()));
    }

    private static <T> Response csv(String fileName, List<?> header, Function<PageRequest, Page<T>> pages,
                                    Function<T, List<?>> row) {
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            Csv csv = new Csv(writer).row(header);
            Page<T> page = pages.apply(PageRequest.first(CHUNK));
            while (true) {
                for (T item : page.items()) {
                    csv.row(row.apply(item));
                }
                if (!page.hasNext()) {
                    break;
                }
                page = pages.apply(new PageRequest(page.request().page() + 1, CHUNK));
            }
            writer.flush();
        };
        return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
