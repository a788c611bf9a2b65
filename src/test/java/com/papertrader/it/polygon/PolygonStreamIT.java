package com.papertrader.it.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.it.Await;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import com.papertrader.it.LiveEvents;
import com.papertrader.it.Prometheus;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code polygon.feed=websocket}: the server's own Jakarta WebSocket client against a stub of Polygon's stream host
 * (in this JVM, on the loopback), with the REST stub beside it as the source of truth.
 * <p>
 * Whenever the tests run, the bars must be session bars: the plan's delay is set so that the server's market time (now
 * less the delay) is in the last half hour of the last regular session. The stream then covers the market from the
 * subscription's market time on; the bar in progress then is cut and left to REST, which stores it when it is due (bars
 * are 3 minutes long here, so within about two minutes); then the test sends the minutes of the bars after it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolygonStreamIT {

    private static final Duration BAR = Duration.ofMinutes(3);
    private static PolygonStreamStub stub;
    private static long delayMinutes;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        stub = new PolygonStreamStub();
        Instant now = Instant.now();
        // market time lands in [target, target + 1 min): a bar 30 min before the last close, 1 min into it
        Instant target = MarketCalendar.nyse().previousSession(now).close().minus(Duration.ofMinutes(29));
        delayMinutes = Duration.between(target, now).toMinutes();
        String config = String.join("\n",
                "config_ordinal=500",
                "poller.enabled=true",
                "polygon.api-key=" + PolygonStreamStub.KEY,
                "polygon.base-url=http://127.0.0.1:${it.polygon-stub-port}",
                "polygon.calls-per-minute=100",
                "polygon.feed=websocket",
                "polygon.websocket-url=" + stub.url(),
                "market.tickers=GENS,GENT",
                "market.bar-minutes=3",
                "market.provider-delay-minutes=" + delayMinutes,
                "market.backfill-days=1");
        return PolygonStubDeployment.addTo(Deployments.war())
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "polygon-stream-config.jar")
                        .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties"));
    }

    @AfterAll
    static void stopStub() throws IOException {
        stub.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void barsAreBuiltFromTheStreamAsTheyCompleteAndRestFillsWhatTheStreamMissed() throws Exception {
        JsonObject stream = awaitStream(s -> "subscribed".equals(s.getString("state")));
        List<String> sent = stub.received();
        assertEquals(List.of("auth", "subscribe"), sent.stream().map(PolygonStreamStub::action).toList());
        assertTrue(sent.get(0).contains("\"" + PolygonStreamStub.KEY + "\""), "the key goes in the auth message");
        assertTrue(sent.get(1).contains("AM.GENS,AM.GENT"), sent.get(1));
        assertFalse(Http.get(base, "/api/status").body().contains(PolygonStreamStub.KEY), "the key never shows");

        // the bar in progress in market time when the subscription came is cut; the next ones are the stream's
        Instant covered = Instant.parse(stream.getString("since")).minus(Duration.ofMinutes(delayMinutes));
        Instant cut = Instant.ofEpochMilli(covered.toEpochMilli() / BAR.toMillis() * BAR.toMillis());
        Instant b1 = cut.plus(BAR);
        Instant b2 = b1.plus(BAR);
        stub.send(frame(minute("GENS", cut.plus(Duration.ofMinutes(2)), "5000", "5000", "5000", "5000", 10)));

        try (Connection db = ItDatabase.suite()) {
            // the bar the subscription cut comes from REST when it is due (the stub's simulated bar, not the stream's
            // 5000); a ticker's first streamed bar then follows a stored bar, as trading in order needs
            Bar fromRest = awaitBar(db, "GENS", cut);
            assertNotEquals(0, new BigDecimal("5000").compareTo(fromRest.close()), fromRest.toString());
            awaitBar(db, "GENT", cut);

            // out of order, a corrected minute sent again, a malformed event beside it, then the last minute
            stub.send(frame(minute("GENS", b1.plusSeconds(60), "1002", "1004", "1001", "1003", 200)));
            stub.send(frame(minute("GENS", b1, "1000", "1001", "999", "1001", 100)));
            stub.send("[" + minute("GENS", b1.plusSeconds(60), "1002", "1006", "1001", "1003", 250)
                    + ",{\"ev\":\"AM\",\"sym\":\"GENS\",\"o\":\"bad\",\"s\":" + b1.toEpochMilli() + "}]");
            stub.send("not json at all");
            stub.send(frame(minute("GENS", b1.plusSeconds(120), "1003", "1003", "1000", "1002", 50)));
            // GENT's last minute had no trades: its next minute completes the bar
            stub.send(frame(minute("GENT", b1, "2000", "2002", "2000", "2001", 10),
                    minute("GENT", b1.plusSeconds(60), "2001", "2003", "2001", "2002", 10)));
            stub.send(frame(minute("GENT", b2, "2002", "2002", "2002", "2002", 10)));

            Bar gens = awaitBar(db, "GENS", b1);
            assertEquals(new Bar("1000", "1006", "999", "1002", "400"), gens,
                    "first open, highest high, lowest low, last close, the corrected minute's volume");
            assertEquals(new Bar("2000", "2003", "2000", "2002", "20"), awaitBar(db, "GENT", b1));
            awaitTraded(db, "GENS", b1);
            JsonObject timed = awaitStream(s -> !s.isNull("lastTradedAfterBarEndMs"));
            assertTrue(timed.getJsonNumber("lastStoredAfterBarEndMs").longValue() >= 0, "bars stored after the bar's end: " + timed);
            assertTrue(timed.getJsonNumber("lastTradedAfterBarEndMs").longValue() >= 0, "orders stored after the bar's end: " + timed);
            Map<String, Double> metrics = Prometheus.samples(Http.getAsAdmin(base, "/metrics").body());
            assertTrue(metrics.get("papertrader_bars_stored_total{path=\"stream\"}") >= 2, "GENS and GENT's bars, built from minutes");
            assertTrue(metrics.get("papertrader_bar_to_stored_seconds_count{path=\"stream\"}") >= 1, "timed in the metrics as well");
            assertTrue(metrics.get("papertrader_bar_to_orders_seconds_count{path=\"stream\"}") >= 1);

            // a minute of a bar built already is late: counted, and the bar stays as built (REST would revise it)
            stub.send(frame(minute("GENS", b1.plusSeconds(120), "1003", "1100", "1000", "1090", 50)));
            awaitStream(s -> s.getInt("lateMinutes") >= 1);
            assertEquals(gens, bar(db, "GENS", b1).orElseThrow());

            // a disconnect mid-bar: the minutes before it are dropped, the client reconnects and subscribes again
            stub.send(frame(minute("GENS", b2, "1010", "1010", "1010", "1010", 10)));
            String firstSince = stream.getString("since");
            stub.drop();
            awaitStream(s -> "subscribed".equals(s.getString("state")) && !firstSince.equals(s.getString("since")));
            assertEquals(2, stub.connections());
            stub.send(frame(minute("GENS", b2.plusSeconds(120), "1020", "1020", "1020", "1020", 10)));
            assertEquals(new Bar("1020", "1020", "1020", "1020", "10"), awaitBar(db, "GENS", b2),
                    "only the minute after the reconnect: the one before it was dropped with the connection");

            // a refused key ends the stream for good
            stub.refuseNextAuth();
            stub.drop();
            JsonObject refused = awaitStream(s -> "refused".equals(s.getString("state")));
            assertTrue(refused.getString("detail").contains("auth_failed"), refused.toString());
            JsonObject status = Http.json(Http.get(base, "/api/status"));
            assertTrue(status.getString("lastError").contains("Polygon refused the key on the stream"), status.toString());
            assertFalse(status.toString().contains(PolygonStreamStub.KEY));
            assertTrue(Http.get(base, "/").body().contains("Polygon refused the key on the stream"), "the Overview names the problem");

            // and it never connects again (three ticks later)
            try (LiveEvents ticks = LiveEvents.subscribe(base)) {
                assertTrue(ticks.awaitCount("status", 4, Duration.ofSeconds(30)), ticks.toString());
            }
            assertEquals(3, stub.connections(), "no new connection after the refusal");
            assertEquals("refused", Http.json(Http.get(base, "/api/status")).getJsonObject("stream").getString("state"));
        }
        String log = Files.readString(Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log"));
        assertTrue(log.contains("Polygon stream: rejected Invalid bar GENS"), "a malformed event is logged with its ticker");
        assertTrue(log.contains("Polygon stream: rejected Polygon stream sent a message that is not a JSON array: not json at all"),
                "a malformed frame is logged");
        assertFalse(log.contains(PolygonStreamStub.KEY), "the key is never logged");
    }

    /** Prices and volume compared as numbers (the database keeps six decimals). */
    private record Bar(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal volume) {
        Bar {
            open = open.stripTrailingZeros();
            high = high.stripTrailingZeros();
            low = low.stripTrailingZeros();
            close = close.stripTrailingZeros();
            volume = volume.stripTrailingZeros();
        }

        Bar(String open, String high, String low, String close, String volume) {
            this(new BigDecimal(open), new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), new BigDecimal(volume));
        }
    }

    private static String frame(String... events) {
        return "[" + String.join(",", events) + "]";
    }

    private static String minute(String ticker, Instant start, String open, String high, String low, String close, long volume) {
        return "{\"ev\":\"AM\",\"sym\":\"" + ticker + "\",\"v\":" + volume + ",\"av\":" + volume + ",\"op\":" + open + ",\"vw\":" + close
                + ",\"o\":" + open + ",\"c\":" + close + ",\"h\":" + high + ",\"l\":" + low + ",\"a\":" + close + ",\"z\":10,\"s\":"
                + start.toEpochMilli() + ",\"e\":" + start.plusSeconds(60).toEpochMilli() + "}";
    }

    private JsonObject awaitStream(Predicate<JsonObject> ready) throws Exception {
        return awaitStatus(status -> !status.isNull("stream") && ready.test(status.getJsonObject("stream")), Duration.ofSeconds(60))
                .getJsonObject("stream");
    }

    private JsonObject awaitStatus(Predicate<JsonObject> ready, Duration within) throws Exception {
        JsonObject status = Await.until(() -> Http.json(Http.get(base, "/api/status")), ready, within);
        assertTrue(ready.test(status), "within " + within + ": " + status);
        return status;
    }

    /** Waits for the bar to be stored: the cut bar comes from REST once due, within the bar's length and the grace. */
    private static Bar awaitBar(Connection db, String ticker, Instant start) throws Exception {
        return Await.until(() -> bar(db, ticker, start), Optional::isPresent, BAR.plus(Duration.ofSeconds(60)))
                .orElseThrow(() -> new AssertionError(ticker + " at " + start + " was never stored"));
    }

    private static Optional<Bar> bar(Connection db, String ticker, Instant start) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select open, high, low, close, volume from ohlcv_data where ticker = ? and bar_start = ?")) {
            query.setString(1, ticker);
            query.setLong(2, start.toEpochMilli());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Bar(row.getBigDecimal(1), row.getBigDecimal(2), row.getBigDecimal(3), row.getBigDecimal(4),
                        row.getBigDecimal(5))) : Optional.empty();
            }
        }
    }

    /** The trading desk processed the bar: its ticker's cursor reached it. */
    private static void awaitTraded(Connection db, String ticker, Instant start) throws Exception {
        long through = Await.until(() -> processedThrough(db, ticker), millis -> millis >= start.toEpochMilli(), Duration.ofSeconds(30));
        assertTrue(through >= start.toEpochMilli(), ticker + " traded through " + Instant.ofEpochMilli(through) + ", not " + start);
    }

    /** The ticker's bar cursor, in epoch milliseconds (0 before its first bar is traded). */
    private static long processedThrough(Connection db, String ticker) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select processed_through from bar_cursors where ticker = ?")) {
            query.setString(1, ticker);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }
}
