package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.portfolio.AccountId;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** GET /api/positions (filters agent, account, state=open|closed; paging page, size). */
@Path("positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {

    @Inject
    PositionQueries positions;

    @Inject
    OrderQueries orders;

    @Inject
    TradingDesk desk;

    @GET
    public JsonObject list(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        return TradingJson.page(positions.positions(PositionFilter.parse(parameters::getFirst), PageRequest.parse(parameters::getFirst)),
                TradingJson::position);
    }

    /**
     * POST /api/positions/{account}/{ticker}/close (admin): a market order for the whole position, filled at the open of
     * the ticker's next bar, recorded with the caller's name. 202 with the order placed; 409 when there is no such open
     * position or a close of it is working already.
     */
    @POST
    @Path("{account}/{ticker}/close")
    public Response close(@PathParam("account") String account, @PathParam("ticker") String ticker, @Context HttpServletRequest caller) {
        AccountId accountId = ApiErrors.validated(() -> AccountId.of(account));
        Ticker symbol = ApiErrors.validated(() -> Ticker.of(ticker));
        OrderId placed;
        try {
            placed = desk.closePosition(accountId, symbol, Callers.actor(caller));
        } catch (AgentChangeRefused refused) {
            throw ApiErrors.conflict(refused.getMessage());
        }
        OrderQueries.OrderDetail detail = orders.order(placed).orElseThrow();
        return Response.accepted(TradingJson.orderDetail(detail.order(), detail.fills())).build();
    }
}
