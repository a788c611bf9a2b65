package com.papertrader.it.payara;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.domain.market.Bar;
import com.papertrader.it.Await;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.Prometheus;
import com.papertrader.it.WebhookReceiver;
import com.papertrader.it.backtest.BacktestProbe;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * The same WAR on Payara Micro: status over HTTP, a bar through JPA on SQLite (Hibernate bundled, not EclipseLink),
 * the application's own timer trading (bars polled from a fast simulated market become saved orders and fills), and
 * a backtest on the managed executor, a webhook's test delivery on the dispatcher's managed threads.
 */
@ExtendWith(ArquillianExtension.class)
class PayaraSmokeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.war().addClasses(PayaraSmokeIT.class, Deployments.class, Http.class, BacktestProbe.class,
                        WebhookReceiver.class, WebhookReceiver.Received.class, Await.class, Await.Reading.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "payara-timer-config.jar")
                        .addAsResource("payara-timer-config.properties", "META-INF/microprofile-config.properties"));
    }

    @Inject
    BarStore bars;

    @Test
    @RunAsClient
    void statusAndThePagesAnswerOverHttp(@ArquillianResource URL base) throws Exception {
        HttpResponse<String> response = Http.get(base, "/api/status");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("simulated", Http.json(response).getString("feed"));
        for (String page : new String[] {"/", "/orders", "/agents", "/positions", "/accounts", "/backtests"}) {
            HttpResponse<String> html = Http.get(base, page);
            assertEquals(200, html.statusCode(), page + ": " + html.body());
            assertTrue(html.body().contains("<footer class=\"site-footer\">"), page + " rendered whole: " + html.body());
        }
    }

    @Test
    @RunAsClient
    void theTimerTradesAndTheTradingIsSavedAndMeasured(@ArquillianResource URL base) throws Exception {
        Path database = Path.of(System.getProperty("it.data-dir"), System.getProperty("arquillian.launch"), "paper-trader.db");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        long fills = 0;
        while (fills == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            fills = count(database, "select count(*) from fills");
        }
        assertTrue(fills > 0, "the sample agents' orders filled and were saved");
        assertTrue(count(database, "select count(*) from bar_cursors") > 0, "the trading desk saved its cursors with them");

        // the same metrics as on WildFly, from the WAR's own registry
        HttpResponse<String> metrics = Http.getAsAdmin(base, "/metrics");
        assertEquals(200, metrics.statusCode(), metrics.body());
        Map<String, Double> series = Prometheus.samples(metrics.body());
        assertTrue(series.get("papertrader_fills_total") >= fills, "the fills stored: " + series.get("papertrader_fills_total"));
        assertTrue(series.get("papertrader_bars_stored_total{path=\"rest\"}") > 0);
        assertTrue(series.get("papertrader_broker_seconds_count") > 0);
        assertEquals(1.0, series.get("papertrader_database_up"));
    }

    /** A backtest on Payara's managed executor: the same run, and the same trade, as BacktestIT gets on WildFly. */
    @Test
    @RunAsClient
    void aBacktestRunsInTheBackground(@ArquillianResource URL base) throws Exception {
        LocalDate day = LocalDate.of(2026, 6, 24);
        assertEquals(200, Http.postAsAdmin(base, "/api/backtest-probe/bars?ticker=PYBT&day=" + day).statusCode());

        HttpResponse<String> accepted = Http.postAsAdmin(base, "/api/backtests", """
                {"agentId": "rsi-mean-reversion", "tickers": ["PYBT"], "from": "%s", "to": "%s", "startingCash": "50000.00"}
                """.formatted(day, day), "application/json");
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject run = BacktestProbe.finished(base, Http.json(accepted).getString("id"));

        assertEquals("DONE", run.getString("status"), run.toString());
        assertEquals(60, run.getInt("barsDone"));
        List<JsonObject> trades = run.getJsonArray("trades").getValuesAs(JsonObject.class);
        assertEquals(1, trades.size(), run.toString());
        assertEquals("49.7200", trades.get(0).getString("entryPrice"));
        assertEquals("49.6700", trades.get(0).getString("exitPrice"));
        assertEquals("-5.00", trades.get(0).getString("pnl"));
    }

    @Test
    @RunAsClient
    void aWebhookIsSentItsTestDelivery(@ArquillianResource URL base) throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            HttpResponse<String> created = Http.postAsAdmin(base, "/api/webhooks", Json.createObjectBuilder().add("name", "payara")
                    .add("url", receiver.url("/payara")).add("events", "fill").add("secret", "payara-webhook-secret").build().toString(),
                    "application/json");
            assertEquals(201, created.statusCode(), created.body());
            String id = Http.json(created).getString("id");
            assertEquals(202, Http.postAsAdmin(base, "/api/webhooks/" + id + "/test").statusCode());
            List<WebhookReceiver.Received> received = Await.until(() -> receiver.at("/payara"), at -> !at.isEmpty(), Duration.ofSeconds(60));
            assertEquals(1, received.size(), "delivered once");
            assertEquals("test", received.get(0).header("X-PaperTrader-Event"));
            assertTrue(received.get(0).header("X-PaperTrader-Signature").matches("sha256=[0-9a-f]{64}"));
            assertEquals(204, Http.deleteAsAdmin(base, "/api/webhooks/" + id).statusCode());
        }
    }

    private static long count(Path database, String sql) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
             ResultSet rows = db.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    @Test
    void barRoundTripsThroughJpa() {
        Instant start = Instant.parse("2026-03-04T14:30:00Z");
        Bar bar = new Bar("PAYARA", start, Duration.ofMinutes(5), new BigDecimal("262.41"), new BigDecimal("263.88"),
                new BigDecimal("261.95"), new BigDecimal("263.52"), new BigDecimal("968211.4"), null, null);

        bars.upsert(List.of(bar));
        bars.upsert(List.of(bar));

        List<Bar> stored = bars.latest("PAYARA", 5);
        assertEquals(1, stored.size());
        assertEquals(0, new BigDecimal("968211.4").compareTo(stored.get(0).volume()));
        assertTrue(bars.count() >= 1);
    }
}
