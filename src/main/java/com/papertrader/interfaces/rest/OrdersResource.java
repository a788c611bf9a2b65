package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * GET /api/orders (filters agent, ticker, status, from, to; paging page, size), GET /api/orders/{id}, and
 * POST /api/orders/{id}/cancel (admin; 409 when the order is not working).
 */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    @Inject
    OrderQueries orders;

    @Inject
    TradingDesk desk;

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

    /** Cancels a working order by hand, recorded with the caller's name; answers the order as it is now. */
    @POST
    @Path("{id}/cancel")
    public JsonObject cancel(@PathParam("id") String id, @Context HttpServletRequest caller) {
        try {
            desk.cancelOrder(new OrderId(id), Callers.actor(caller));
        } catch (AgentChangeRefused refused) {
            throw ApiErrors.conflict(refused.getMessage());
        }
        return one(id);
    }
}
