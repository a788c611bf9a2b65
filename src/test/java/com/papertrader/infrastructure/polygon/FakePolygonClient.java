package com.papertrader.infrastructure.polygon;

import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers from a queue of scripted replies and records every request it got. */
final class FakePolygonClient implements PolygonClient {

    /** One request as the REST client would send it. */
    record Request(String method, String authorization, String ticker, int multiplier, String timespan,
                   String from, String to, String query) {
    }

    @FunctionalInterface
    interface Reply {
        JsonObject answer() throws PolygonHttpException;
    }

    final List<Request> requests = new ArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();

    FakePolygonClient reply(String fixture) {
        replies.add(() -> PolygonFixtures.json(fixture));
        return this;
    }

    FakePolygonClient fail(int status, String fixture) {
        String body = PolygonFixtures.text(fixture);
        replies.add(() -> {
            throw new PolygonHttpException(status, body);
        });
        return this;
    }

    FakePolygonClient reply(Reply reply) {
        replies.add(reply);
        return this;
    }

    @Override
    public JsonObject aggregates(String bearerKey, String ticker, int multiplier, String timespan, String from, String to,
                                 boolean adjusted, String sort, int limit) throws PolygonHttpException {
        requests.add(new Request("aggregates", bearerKey, ticker, multiplier, timespan, from, to,
                "adjusted=" + adjusted + "&sort=" + sort + "&limit=" + limit));
        return next();
    }

    @Override
    public JsonObject nextPage(String bearerKey, String ticker, int multiplier, String timespan, String from, String to,
                               String cursor) throws PolygonHttpException {
        requests.add(new Request("nextPage", bearerKey, ticker, multiplier, timespan, from, to, "cursor=" + cursor));
        return next();
    }

    @Override
    public JsonObject splits(String bearerKey, String tickers, String fromDate, Integer limit, String cursor)
            throws PolygonHttpException {
        requests.add(new Request("splits", bearerKey, tickers, 0, null, fromDate, null, "limit=" + limit + "&cursor=" + cursor));
        return next();
    }

    @Override
    public JsonObject dividends(String bearerKey, String tickers, String fromDate, Integer limit, String cursor)
            throws PolygonHttpException {
        requests.add(new Request("dividends", bearerKey, tickers, 0, null, fromDate, null, "limit=" + limit + "&cursor=" + cursor));
        return next();
    }

    private JsonObject next() throws PolygonHttpException {
        if (replies.isEmpty()) {
            throw new AssertionError("unexpected request " + requests.get(requests.size() - 1));
        }
        return replies.removeFirst().answer();
    }
}
