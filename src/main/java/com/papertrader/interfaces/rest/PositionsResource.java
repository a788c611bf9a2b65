package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** GET /api/positions (filters agent, account, state=open|closed; paging page, size). */
@Path("positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {

    @Inject
    PositionQueries positions;

    @GET
    public JsonObject list(@Context UriInfo uri) {
        var parameters = uri.getQueryParameters();
        return TradingJson.page(positions.positions(PositionFilter.parse(parameters::getFirst), PageRequest.parse(parameters::getFirst)),
                TradingJson::position);
    }
}
