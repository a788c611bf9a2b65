package com.papertrader.infrastructure.polygon;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Polygon (Massive) aggregates and corporate actions endpoints, built by {@code MarketSourceProducer} with the base URL from {@code polygon.base-url}
 * (https://api.massive.com; https://api.polygon.io still works). The key travels as
 * {@code Authorization: Bearer <key>}, never in a URL, so it cannot end up in a log line or a next_url.
 * Non-2xx answers arrive as {@link PolygonHttpException}.
 */
@RegisterProvider(PolygonErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface PolygonClient {

    String AGGREGATES = "/v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}";

    /**
     * First page of bars. {@code from} and {@code to} are epoch milliseconds or YYYY-MM-DD, both inclusive;
     * the feed sends adjusted=false (bars as traded: the stored bars never change units when a split comes; see
     * CorporateActions for the adjustment), sort=asc, limit=50000.
     */
    @GET
    @Path(AGGREGATES)
    JsonObject aggregates(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerKey,
                          @PathParam("ticker") String ticker,
                          @PathParam("multiplier") int multiplier,
                          @PathParam("timespan") String timespan,
                          @PathParam("from") String from,
                          @PathParam("to") String to,
                          @QueryParam("adjusted") boolean adjusted,
                          @QueryParam("sort") String sort,
                          @QueryParam("limit") int limit) throws PolygonHttpException;

    /**
     * Splits effective on or after {@code fromDate} (YYYY-MM-DD) of the tickers ({@code any_of}, comma-separated); the
     * following pages pass only the {@code cursor} of next_url (it carries the rest), to the configured host.
     */
    @GET
    @Path("/stocks/v1/splits")
    JsonObject splits(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerKey,
                      @QueryParam("ticker.any_of") String tickers,
                      @QueryParam("execution_date.gte") String fromDate,
                      @QueryParam("limit") Integer limit,
                      @QueryParam("cursor") String cursor) throws PolygonHttpException;

    /** Cash dividends with an ex-date on or after {@code fromDate}, as {@link #splits}. */
    @GET
    @Path("/stocks/v1/dividends")
    JsonObject dividends(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerKey,
                         @QueryParam("ticker.any_of") String tickers,
                         @QueryParam("ex_dividend_date.gte") String fromDate,
                         @QueryParam("limit") Integer limit,
                         @QueryParam("cursor") String cursor) throws PolygonHttpException;

    /** A following page: next_url's path and cursor (see {@link NextPageRequest}), sent to the configured host. */
    @GET
    @Path(AGGREGATES)
    JsonObject nextPage(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearerKey,
                        @PathParam("ticker") String ticker,
                        @PathParam("multiplier") int multiplier,
                        @PathParam("timespan") String timespan,
                        @PathParam("from") String from,
                        @PathParam("to") String to,
                        @QueryParam("cursor") String cursor) throws PolygonHttpException;
}
