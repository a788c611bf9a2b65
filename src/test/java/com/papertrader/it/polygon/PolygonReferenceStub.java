package com.papertrader.it.polygon;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Polygon's splits and dividends endpoints for the stub's made-up tickers (GENA, GENB, DENIED): a keyed request is
 * answered as Polygon answers one for tickers without corporate actions, with no results; without the key, a 401.
 */
@Path("polygon-stub/stocks/v1/{kind: splits|dividends}")
public class PolygonReferenceStub {

    private static final String NONE = "{\"request_id\": \"b7e4c1d9a2f34e6c8d0a5b3f9e1c7d2a\", \"results\": [], \"status\": \"OK\"}";

    @GET
    public Response none(@PathParam("kind") String kind, @HeaderParam("Authorization") String authorization) {
        if (!("Bearer " + PolygonStub.KEY).equals(authorization)) {
            return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity("{\"status\": \"ERROR\", \"request_id\": \"0\", \"error\": \"Unknown API Key\"}").build();
        }
        return Response.ok(NONE, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
