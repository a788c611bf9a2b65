package com.papertrader.it.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Await;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walk-forward tests through the deployed WAR over four stored days of WFA ({@link BacktestProbe#fallThenRise} each day),
 * two in sample and one out: each window's choice is what a sweep over its in-sample days ranks first, and its
 * out-of-sample result is what a backtest of the chosen parameters over its out-of-sample day gives from the equity the
 * window before ended with.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WalkForwardIT {

    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 6, 29), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 7, 2));
    private static final String GRID = "{\"exitAbove\": [50, 60, 70], \"oversold\": [20, 30]}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(BacktestProbe.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void eachWindowTradesWhatItsInSampleSweepRanksFirst() throws Exception {
        for (LocalDate day : DAYS) {
            assertEquals(200, post("/api/backtest-probe/bars?ticker=WFA&day=" + day + "&live=false", "").statusCode());
        }

        HttpResponse<String> accepted = post("/api/walk-forwards", """
                {"agentId": "rsi-mean-reversion", "tickers": "WFA", "from": "%s", "to": "%s", "startingCash": "50000.00",
                 "grid": %s, "rankBy": "totalReturn", "inSampleDays": 2, "outOfSampleDays": 1}
                """.formatted(DAYS.get(0), DAYS.get(3), GRID));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject test = ended("/api/walk-forwards/" + Http.json(accepted).getString("id"));

        assertEquals("DONE", test.getString("status"), test.toString());
        assertEquals(2, test.getInt("windowsTotal"));
        List<JsonObject> windows = test.getJsonArray("windows").getValuesAs(JsonObject.class);
        assertEquals(2, windows.size());
        String cash = "50000.00";
        for (int w = 0; w < 2; w++) {
            JsonObject window = windows.get(w);
            assertEquals(DAYS.get(w).toString(), window.getString("inSampleFrom"));
            assertEquals(DAYS.get(w + 1).toString(), window.getString("inSampleTo"));
            assertEquals(DAYS.get(w + 2).toString(), window.getString("outOfSampleFrom"));

            JsonObject best = sweep(DAYS.get(w), DAYS.get(w + 1), GRID, "50000.00").getJsonArray("runs").getJsonObject(0);
            JsonObject chosen = window.getJsonObject("parameters");
            assertEquals(best.getJsonObject("parameters").getInt("exitAbove"), chosen.getInt("exitAbove"), "window " + w + ": " + window);
            assertEquals(best.getJsonObject("parameters").getInt("oversold"), chosen.getInt("oversold"), "window " + w);
            assertEquals(best.getJsonObject("statistics").getJsonNumber("totalReturn").doubleValue(),
                    window.getJsonNumber("inSampleValue").doubleValue(), 1e-12, "the in-sample figure is the sweep's best");

            JsonObject outOfSample = sweep(DAYS.get(w + 2), DAYS.get(w + 2), chosen.toString(), cash).getJsonArray("runs").getJsonObject(0);
            assertEquals(outOfSample.getJsonObject("statistics").getString("endEquity"), window.getString("outOfSampleEquity"),
                    "window " + w + " out of sample, from " + cash);
            cash = window.getString("outOfSampleEquity");
        }
        JsonObject joined = test.getJsonObject("outOfSample");
        assertEquals(cash, joined.getString("endEquity"));
        assertEquals(6, joined.getInt("trials"));
        double psr = joined.getJsonNumber("probabilisticSharpe").doubleValue();
        assertTrue(psr >= 0 && psr <= 1, "a probability: " + joined);
        assertEquals(1 + 60 + 60, test.getJsonArray("equity").size(), "the starting point and each out-of-sample bar, joined");

        HttpResponse<String> page = Http.get(base, "/walk-forwards/" + test.getString("id"));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"walk-forward-windows\"") && page.body().contains("id=\"equity-chart\""), "windows and the curve");
        assertTrue(Http.get(base, "/walk-forwards").body().contains(test.getString("id")), "listed");
    }

    @Test
    void aPeriodTooShortForOneWindowIsRefused() throws Exception {
        HttpResponse<String> refused = post("/api/walk-forwards", """
                {"agentId": "rsi-mean-reversion", "tickers": "WFA", "from": "2026-06-29", "to": "2026-06-30", "startingCash": "50000",
                 "grid": {"exitAbove": [50, 60]}, "inSampleDays": 2, "outOfSampleDays": 1}
                """);
        assertEquals(400, refused.statusCode());
        assertEquals("the period has 2 trading days; one window of 2 in-sample and 1 out-of-sample days needs 3",
                Http.json(refused).getString("error"));
        HttpResponse<String> badDays = post("/api/walk-forwards", """
                {"agentId": "rsi-mean-reversion", "tickers": "WFA", "from": "2026-06-29", "to": "2026-07-02", "startingCash": "50000",
                 "grid": {"exitAbove": [50, 60]}, "inSampleDays": "two", "outOfSampleDays": 0}
                """);
        assertEquals(400, badDays.statusCode());
        assertEquals("inSampleDays: \"two\" is not a number of trading days from 1 to 2520; "
                + "outOfSampleDays: \"0\" is not a number of trading days from 1 to 2520", Http.json(badDays).getString("error"));
        assertEquals(404, Http.get(base, "/api/walk-forwards/none").statusCode());
    }

    private JsonObject sweep(LocalDate from, LocalDate to, String grid, String cash) throws Exception {
        HttpResponse<String> accepted = post("/api/sweeps", """
                {"agentId": "rsi-mean-reversion", "tickers": "WFA", "from": "%s", "to": "%s", "startingCash": "%s",
                 "grid": %s, "rankBy": "totalReturn"}
                """.formatted(from, to, cash, grid));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject sweep = ended("/api/sweeps/" + Http.json(accepted).getString("id"));
        assertEquals("DONE", sweep.getString("status"), sweep.toString());
        return sweep;
    }

    /** The document once it is no longer queued or running; fails after two minutes. */
    private JsonObject ended(String path) throws Exception {
        JsonObject json = Await.until(() -> Http.json(Http.get(base, path)), WalkForwardIT::ended, Duration.ofMinutes(2));
        assertTrue(ended(json), "still " + json.getString("status") + " after two minutes: " + json);
        return json;
    }

    private static boolean ended(JsonObject json) {
        return !json.getString("status").equals("QUEUED") && !json.getString("status").equals("RUNNING");
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return Http.postAsAdmin(base, path, body, "application/json");
    }
}
