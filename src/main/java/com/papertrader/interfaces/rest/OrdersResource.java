package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.domain.trading.order.OrderId;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** GET /api/orders (filters agent, ticker, status, from, to; paging page, size) and GET /api/orders/{id}. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    OrderQueries orders;

    @GET
    public JsonObject list(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        return TradingJson.page(orders.orders(OrderFilter.parse(parameters::getFirst), PageRequest.parse(parameters::getFirst)),
                TradingJson::order);
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") String id) {
        return OrderId.tryParse(id).flatMap(orders::order)
                .map(detail -> TradingJson.orderDetail(detail.order(), detail.fills()))
                .orElseThrow(() -> TradingJson.notFound("no order " + id));
    }
}
