package com.papertrader.it.polygon;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.infrastructure.polygon.PolygonJson;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Polygon's aggregates, splits and dividends endpoints as they really answer, served from the recorded fixtures by
 * a plain HTTP server of its own on the loopback (port {@code it.polygon-stub-port}): like the real host it is not
 * behind the application's login, so the feed's {@code Authorization: Bearer} key reaches it. It runs inside the test
 * server while the deployment that carries it is deployed. A test in the server scripts the replies per ticker;
 * unscripted tickers get aggs_ok.json, except two kinds a client-side test can name: GEN* tickers get simulated bars
 * of the requested range, DENIED* tickers the 401 of an unknown key. Splits and dividends are answered as for tickers
 * without any. The fixture's ticker is rewritten to the one asked for. next_url keeps Polygon's host, as the real one
 * does: the feed takes only its path and cursor and asks the configured host (this stub) for the next page.
 */
@WebListener
public class PolygonStub implements ServletContextListener {

    public static final String KEY = "stub-key-7f3a";
    private static final String PORT_PROPERTY = "it.polygon-stub-port";
    private static final Pattern AGGREGATES = Pattern.compile("/v2/aggs/ticker/([^/]+)/range/(\\d+)/[a-z]+/(\\d+)/(\\d+)");
    private static final String NO_CORPORATE_ACTIONS =
            "{\"request_id\": \"b7e4c1d9a2f34e6c8d0a5b3f9e1c7d2a\", \"results\": [], \"status\": \"OK\"}";

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

    private HttpServer server;
    private ExecutorService threads;

    /** The base URL the feed is configured with. */
    public static String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public static void script(String ticker, Reply... replies) {
        SCRIPTS.put(ticker, new ArrayDeque<>(List.of(replies)));
    }

    public static List<Request> requests() {
        return Collections.unmodifiableList(REQUESTS);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the Polygon stub cannot listen on port " + port(), e);
        }
        // a thread per request: a reply that hangs must not hold back the next ticker's call
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/v2/aggs/", exchange -> answer(exchange, aggregates(exchange)));
        server.createContext("/stocks/v1/", exchange -> answer(exchange, corporateActions(exchange)));
        server.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        server.stop(0);
        threads.shutdownNow();
    }

    private static int port() {
        Integer port = Integer.getInteger(PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException("the test server was started without -D" + PORT_PROPERTY + " (arquillian.xml)");
        }
        return port;
    }

    private record Answer(int status, String type, String body) {
    }

    private static Answer aggregates(HttpExchange exchange) throws IOException {
        Matcher path = AGGREGATES.matcher(exchange.getRequestURI().getPath());
        if (!path.matches()) {
            return new Answer(404, "application/json", "{\"status\": \"NOT_FOUND\"}");
        }
        String ticker = path.group(1);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        REQUESTS.add(new Request(ticker, exchange.getRequestURI().toString(), authorization));
        if (!("Bearer " + KEY).equals(authorization) || ticker.startsWith("DENIED")) {
            return reply(Reply.error(401, "error_401.json"), ticker);
        }
        if (ticker.startsWith("GEN")) {
            Timeframe minutes = Timeframe.minutes(Integer.parseInt(path.group(2)));
            Instant from = Instant.ofEpochMilli(Long.parseLong(path.group(3)));
            Instant end = Instant.ofEpochMilli(Long.parseLong(path.group(4)) + 1);
            SimulatedMarket market = new SimulatedMarket(3, minutes, MarketCalendar.nyse(), Clock.fixed(end, ZoneOffset.UTC));
            return new Answer(200, "application/json", PolygonJson.aggregates(ticker, market.fetch(ticker, from, end).bars()).toString());
        }
        String query = exchange.getRequestURI().getRawQuery();
        boolean nextPage = query != null && query.contains("cursor=");
        Deque<Reply> script = SCRIPTS.get(ticker);
        Reply reply = script == null || script.isEmpty() ? Reply.ok(nextPage ? "aggs_paginated_page2.json" : "aggs_ok.json") : script.poll();
        try {
            Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return reply(reply, ticker);
    }

    private static Answer corporateActions(HttpExchange exchange) {
        if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, "application/json", "{\"status\": \"ERROR\", \"request_id\": \"0\", \"error\": \"Unknown API Key\"}");
        }
        return new Answer(200, "application/json", NO_CORPORATE_ACTIONS);
    }

    private static Answer reply(Reply reply, String ticker) {
        String body = reply.edit().apply(fixture(reply.fixture()))
                .replaceAll("\"ticker\": \"[A-Z]+\"", "\"ticker\": \"" + ticker + "\"")
                .replace("/ticker/MSFT/", "/ticker/" + ticker + "/");
        return new Answer(reply.status(), reply.fixture().endsWith(".html") ? "text/html" : "application/json", body);
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.type());
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
