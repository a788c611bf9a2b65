package com.papertrader.it.polygon;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.infrastructure.polygon.PolygonJson;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Polygon's aggregates endpoint as it really answers, served from the recorded fixtures, deployed beside the
 * application under /api/polygon-stub. A test in the server scripts the replies per ticker; unscripted tickers get
 * aggs_ok.json, except two kinds a client-side test can name: GEN* tickers get simulated bars of the requested
 * range, DENIED* tickers the 401 of an unknown key.
 * The fixture's ticker is rewritten to the one asked for. next_url keeps Polygon's host, as the real one does:
 * the feed takes only its path and cursor and asks the configured host (this stub) for the next page.
 */
@Path("polygon-stub/v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}")
public class PolygonStub {

    public static final String KEY = "stub-key-7f3a";

    /** One scripted answer: an HTTP status, a fixture file, an optional edit of its text and a delay. */
    public record Reply(int status, String fixture, UnaryOperator<String> edit, long delayMillis) {
        public static Reply ok(String fixture) {
            return new Reply(200, fixture, UnaryOperator.identity(), 0);
        }

        public static Reply error(int status, String fixture) {
            return new Reply(status, fixture, UnaryOperator.identity(), 0);
        }

        public Reply edited(UnaryOperator<String> edit) {
            return new Reply(status, fixture, edit, delayMillis);
        }

        public Reply after(long millis) {
            return new Reply(status, fixture, edit, millis);
        }
    }

    /** What a request carried: the URI (which must never hold the key) and the Authorization header. */
    public record Request(String ticker, String uri, String authorization) {
    }

    private static final Map<String, Deque<Reply>> SCRIPTS = new ConcurrentHashMap<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

    public static void script(String ticker, Reply... replies) {
        SCRIPTS.put(ticker, new ArrayDeque<>(List.of(replies)));
    }

    public static List<Request> requests() {
        return Collections.unmodifiableList(REQUESTS);
    }

    @GET
    public Response aggregates(@PathParam("ticker") String ticker, @PathParam("from") String from,
                               @PathParam("to") String to, @HeaderParam("Authorization") String authorization,
                               @Context UriInfo uri) throws InterruptedException {
        REQUESTS.add(new Request(ticker, uri.getRequestUri().toString(), authorization));
        if (!("Bearer " + KEY).equals(authorization) || ticker.startsWith("DENIED")) {
            return reply(Reply.error(401, "error_401.json"), ticker, uri);
        }
        if (ticker.startsWith("GEN")) {
            Instant end = Instant.ofEpochMilli(Long.parseLong(to) + 1);
            SimulatedMarket market = new SimulatedMarket(3, Timeframe.minutes(5), MarketCalendar.nyse(), Clock.fixed(end, ZoneOffset.UTC));
            return Response.ok(PolygonJson.aggregates(ticker,
                    market.fetch(ticker, Instant.ofEpochMilli(Long.parseLong(from)), end).bars())).build();
        }
        boolean nextPage = uri.getQueryParameters().containsKey("cursor");
        Deque<Reply> script = SCRIPTS.get(ticker);
        Reply reply = script == null || script.isEmpty() ? Reply.ok(nextPage ? "aggs_paginated_page2.json" : "aggs_ok.json") : script.poll();
        Thread.sleep(reply.delayMillis());
        return reply(reply, ticker, uri);
    }

    private static Response reply(Reply reply, String ticker, UriInfo uri) {
        String body = reply.edit().apply(fixture(reply.fixture()))
                .replaceAll("\"ticker\": \"[A-Z]+\"", "\"ticker\": \"" + ticker + "\"")
                .replace("/ticker/MSFT/", "/ticker/" + ticker + "/");
        String type = reply.fixture().endsWith(".html") ? "text/html" : "application/json";
        return Response.status(reply.status()).type(type).entity(body).build();
    }

    private static String fixture(String name) {
        try (InputStream in = PolygonStub.class.getClassLoader().getResourceAsStream("fixtures/polygon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
