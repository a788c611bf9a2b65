package com.papertrader.it.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.it.Await;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import com.papertrader.it.Prometheus;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's own poll timer, switched on against the Polygon stub: its first tick backfills GENA and GENB
 * through the REST client into SQLite and hands them to the trading desk, and the 401 for DENIED shows on the status
 * API and the Overview page while the poller keeps running.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolygonTimerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        // the stub answers splits and dividends too: the corporate actions fetched at start-up find none instead of a
        // 404 that would race the DENIED ticker's 401 for the status's last error
        return PolygonStubDeployment.addTo(Deployments.war())
                // A second config source beside the packaged one: MicroProfile Config reads every
                // META-INF/microprofile-config.properties on the class path, and this one's ordinal wins.
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "polygon-timer-config.jar")
                        .addAsResource("polygon-timer-config.properties", "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @Test
    void timerBackfillsThroughTheRestClientAndTheDashboardShowsTheRejectedKey() throws Exception {
        JsonObject status = awaitStatus(s -> !s.isNull("lastError") && !s.isNull("lastPollAt") && !s.isNull("lastCycle"));

        assertEquals("polygon", status.getString("feed"));
        assertTrue(status.getBoolean("isRunning"));
        assertEquals(100, status.getInt("callsPerMinuteLimit"), "the plan's limit, from polygon.calls-per-minute");
        assertTrue(status.getInt("callsToday") >= 3, "GENA, GENB and DENIED were each fetched: " + status);
        String error = status.getString("lastError");
        assertTrue(error.contains("401") && error.contains("DENIED"), error);
        assertFalse(error.contains("stub-key-7f3a"), "the key never shows: " + error);
        JsonObject cycle = status.getJsonObject("lastCycle");
        assertEquals(3, cycle.getInt("tickers"), "each ticker answered, DENIED with its 401: " + cycle);
        assertTrue(cycle.getInt("bars") > 0, cycle.toString());
        assertTrue(List.of("fetching", "storing", "trading").contains(cycle.getString("slowestStep")), cycle.toString());
        assertTrue(cycle.getJsonNumber("lastTradedAfterBarEndMs").longValue() >= 0, "orders stored after the bar's end: " + cycle);
        String overview = Http.get(base, "/").body();
        assertTrue(overview.contains("id=\"status-feed\" data-status=\"feed\">polygon<"), overview);
        assertTrue(overview.contains("Polygon rejected the API key (401 Unknown API Key) while fetching DENIED"), overview);
        assertFalse(overview.contains("stub-key-7f3a"));

        try (Connection db = ItDatabase.suite()) {
            for (String ticker : new String[]{"GENA", "GENB"}) {
                Instant first = Instant.ofEpochMilli(count(db, "select min(bar_start) from ohlcv_data where ticker = ?", ticker));
                Instant last = Instant.ofEpochMilli(count(db, "select max(bar_start) from ohlcv_data where ticker = ?", ticker));
                long bars = count(db, "select count(*) from ohlcv_data where ticker = ?", ticker);
                TradingSession session = MarketCalendar.nyse().sessionAt(last).orElseThrow();
                assertEquals(session.open(), first, ticker + ": one session backfilled, from its open");
                assertEquals(Duration.between(first, last).toMinutes() / 5 + 1, bars, ticker + ": every bar, no gap");
                assertFalse(last.plus(Duration.ofMinutes(5)).isAfter(Instant.now()), ticker + ": only closed bars");
            }
            assertEquals(1, count(db, "select count(*) from bar_cursors where ticker = ?", "GENA"),
                    "the BarsIngested event reached the trading desk, which processed the bars");
        }
    }

    /**
     * The operator's metrics after the timer's first cycle, read without a login as this deployment configures: the
     * calls by outcome (DENIED's 401 refused), each step of the cycle, the bars stored and their way to orders, the
     * scans and the broker; the figures the status shows and the database holds agree with them.
     */
    @Test
    void theMetricsShowTheCycleTheCallsAndTheTrading() throws Exception {
        JsonObject status = awaitStatus(s -> !s.isNull("lastCycle"));

        HttpResponse<String> response = Http.get(base, "/metrics");
        assertEquals(200, response.statusCode(), "metrics.public: no login needed");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"), response.headers().toString());
        for (String name : List.of("feed_calls_seconds", "poll_cycle_seconds", "bars_stored_total", "bars_rejected_total",
                "bar_to_stored_seconds", "bar_to_orders_seconds", "scan_seconds", "scan_errors_total", "broker_seconds", "orders",
                "fills_total", "account_equity", "live_clients", "desk_active", "database_up", "database_pool_max",
                "database_connections_opened_total")) {
            assertTrue(response.body().contains("\n# TYPE papertrader_" + name + " "), "every series the README lists: " + name);
        }
        Map<String, Double> series = Prometheus.samples(response.body());
        assertTrue(series.get("papertrader_feed_calls_seconds_count{endpoint=\"aggregates\",outcome=\"answered\"}") >= 2, "GENA, GENB");
        assertTrue(series.get("papertrader_feed_calls_seconds_count{endpoint=\"aggregates\",outcome=\"refused\"}") >= 1, "DENIED's 401");
        for (String step : List.of("fetching", "storing", "trading")) {
            assertTrue(series.get("papertrader_poll_cycle_seconds_count{step=\"" + step + "\"}") >= 1, step);
        }
        assertTrue(series.get("papertrader_bars_stored_total{path=\"rest\"}") >= status.getJsonObject("lastCycle").getInt("bars"),
                "at least the first cycle's bars: " + status);
        assertTrue(series.get("papertrader_bar_to_stored_seconds_count{path=\"rest\"}") >= 1);
        assertTrue(series.get("papertrader_bar_to_orders_seconds_count{path=\"rest\"}") >= 1);
        assertTrue(series.get("papertrader_broker_seconds_count") >= 1, "the bar events went through the broker");
        assertTrue(series.keySet().stream().anyMatch(name -> name.startsWith("papertrader_scan_seconds_count{agent=")
                && series.get(name) > 0), "the sample agents scanned the bars: " + series.keySet());
        assertEquals(1.0, series.get("papertrader_desk_active"));
        assertEquals(1.0, series.get("papertrader_database_up"));
        assertEquals(0.0, series.get("papertrader_bars_rejected_total"), "the stub sends valid bars");
        assertTrue(series.keySet().stream().anyMatch(name -> name.startsWith("jvm_memory_used_bytes{area=\"heap\"")), "the JVM's own");
        assertFalse(response.body().contains("stub-key-7f3a"), "the key never shows");
    }

    private JsonObject awaitStatus(Predicate<JsonObject> ready) throws Exception {
        JsonObject status = Await.until(() -> Http.json(Http.get(base, "/api/status")), ready, Duration.ofSeconds(60));
        assertTrue(ready.test(status), "the timer polled within a minute: " + status);
        return status;
    }

    private static long count(Connection db, String sql, String ticker) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, ticker);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
