package com.papertrader.it.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Await;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Parameter sweeps through the deployed WAR over bars stored in its database: the ranked runs, each a backtest of its
 * own, a parameter the script rejects, the heatmap, cancel and resume without redoing a finished run, bad requests.
 * The RSI sample agent over {@link BacktestProbe#fallThenRise}: RSI(14) is 0 at bar 14, so it buys 100 shares at
 * 49.72; with exitAbove 50 it sells at 49.67 on bar 35 (−5.00), later and higher with a higher exitAbove.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SweepIT {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 25);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(BacktestProbe.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aSweepRanksItsRunsEachOpensAsABacktestAndAParameterTheScriptRejectsFailsOnlyItsRuns() throws Exception {
        store("SWPA");

        HttpResponse<String> accepted = post("/api/sweeps", """
                {"agentId": "rsi-mean-reversion", "tickers": ["SWPA"], "from": "%s", "to": "%s", "startingCash": "50000.00",
                 "grid": {"exitAbove": [50, 60, 70], "period": [14, 0]}, "rankBy": "totalReturn"}
                """.formatted(DAY, DAY));
        assertEquals(202, accepted.statusCode(), accepted.body());
        JsonObject started = Http.json(accepted);
        assertEquals(6, started.getInt("combinations"));
        String id = started.getString("id");

        JsonObject sweep = ended(id);
        assertEquals("DONE", sweep.getString("status"), sweep.toString());
        assertEquals(6, sweep.getInt("runsEnded"));
        List<JsonObject> runs = sweep.getJsonArray("runs").getValuesAs(JsonObject.class);
        assertEquals(6, runs.size());
        List<JsonObject> done = runs.subList(0, 3);
        double previous = Double.POSITIVE_INFINITY;
        for (int rank = 1; rank <= 3; rank++) {
            JsonObject run = done.get(rank - 1);
            assertEquals("DONE", run.getString("status"), run.toString());
            assertEquals(rank, run.getInt("rank"));
            assertEquals(14, run.getJsonObject("parameters").getInt("period"));
            assertEquals(30, run.getJsonObject("parameters").getInt("oversold"), "the agent's other parameters kept");
            double totalReturn = run.getJsonObject("statistics").getJsonNumber("totalReturn").doubleValue();
            assertTrue(totalReturn <= previous, "best first: " + runs);
            previous = totalReturn;
            JsonObject backtest = Http.json(Http.get(base, run.getString("url")));
            assertEquals(totalReturn, backtest.getJsonObject("statistics").getJsonNumber("totalReturn").doubleValue(),
                    "the run opens as a backtest with the same figures");
            assertEquals(200, Http.get(base, run.getString("page")).statusCode());
        }
        JsonObject exitAt50 = done.stream().filter(run -> run.getJsonObject("parameters").getInt("exitAbove") == 50).findFirst().orElseThrow();
        assertEquals("49995.00", exitAt50.getJsonObject("statistics").getString("endEquity"), "bought at 49.72, sold at 49.67");
        assertTrue(done.get(0).getJsonObject("statistics").getJsonNumber("totalReturn").doubleValue() > 0,
                "a higher exit sells higher in the rise: " + done.get(0));
        for (JsonObject failed : runs.subList(3, 6)) {
            assertEquals("FAILED", failed.getString("status"), failed.toString());
            assertTrue(failed.isNull("rank"));
            assertEquals(0, failed.getJsonObject("parameters").getInt("period"));
            assertTrue(failed.getString("error").startsWith("the script stopped: "), failed.getString("error"));
            assertTrue(failed.getString("error").contains("rsi"), "names what the script refused: " + failed.getString("error"));
        }

        JsonObject heatmap = sweep.getJsonObject("heatmap");
        assertEquals("exitAbove", heatmap.getString("x"));
        assertEquals("period", heatmap.getString("y"));
        assertEquals("totalReturn", heatmap.getString("statistic"));
        JsonArray row14 = heatmap.getJsonArray("values").getJsonArray(0);
        for (int column = 0; column < 3; column++) {
            int exitAbove = heatmap.getJsonArray("xValues").getInt(column);
            JsonObject run = done.stream().filter(r -> r.getJsonObject("parameters").getInt("exitAbove") == exitAbove).findFirst().orElseThrow();
            assertEquals(run.getJsonObject("statistics").getJsonNumber("totalReturn").doubleValue(), row14.getJsonNumber(column).doubleValue());
        }
        assertEquals(List.of(JsonValue.NULL, JsonValue.NULL, JsonValue.NULL), heatmap.getJsonArray("values").getJsonArray(1),
                "period 0 has no finished run");

        HttpResponse<String> shown = Http.get(base, "/sweeps/" + id);
        assertEquals(200, shown.statusCode());
        String page = shown.body();
        assertTrue(page.contains("id=\"heatmap\""), "the page draws the heatmap");
        assertTrue(page.contains("/backtests/" + done.get(0).getString("id")), "and links each run");
        assertTrue(Http.get(base, "/sweeps").body().contains(id), "listed");
        assertFalse(Http.get(base, "/backtests").body().contains(done.get(0).getString("id")),
                "a sweep's runs are listed with their sweep, not among the backtests");
        assertEquals(409, post("/api/sweeps/" + id + "/cancel", "").statusCode(), "a finished sweep cannot be canceled");
        assertEquals(409, post("/api/sweeps/" + id + "/resume", "").statusCode(), "nor resumed");
    }

    @Test
    void aSweepCanceledMidwayResumesWithoutRedoingItsFinishedRuns() throws Exception {
        store("SWPB");
        HttpResponse<String> accepted = post("/api/sweeps", """
                {"agentId": "rsi-mean-reversion", "tickers": "SWPB", "from": "%s", "to": "%s", "startingCash": "50000.00",
                 "grid": {"exitAbove": {"from": 40, "to": 69.9, "step": 0.1}}}
                """.formatted(DAY, DAY));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = Http.json(accepted).getString("id");
        await(id, sweep -> sweep.getInt("runsEnded") >= 3);

        assertEquals(202, post("/api/sweeps/" + id + "/cancel", "").statusCode());
        JsonObject canceled = ended(id);
        assertEquals("CANCELED", canceled.getString("status"), canceled.toString());
        int endedBefore = canceled.getInt("runsEnded");
        assertTrue(endedBefore >= 3 && endedBefore < 300, "canceled midway: " + endedBefore + " of 300 ended");
        Map<String, String> finishedBefore = new HashMap<>();
        for (JsonObject run : canceled.getJsonArray("runs").getValuesAs(JsonObject.class)) {
            if (run.getString("status").equals("DONE")) {
                finishedBefore.put(run.getString("id"), Http.json(Http.get(base, run.getString("url"))).getString("finishedAt"));
            }
        }
        assertFalse(finishedBefore.isEmpty());
        assertTrue(finishedBefore.size() < 300);

        assertEquals(202, post("/api/sweeps/" + id + "/resume", "").statusCode());
        JsonObject resumed = ended(id);
        assertEquals("DONE", resumed.getString("status"), resumed.toString());
        assertEquals(300, resumed.getInt("runsEnded"));
        List<JsonObject> runs = resumed.getJsonArray("runs").getValuesAs(JsonObject.class);
        assertTrue(runs.stream().allMatch(run -> run.getString("status").equals("DONE")), "every combination ran");
        for (Map.Entry<String, String> before : finishedBefore.entrySet()) {
            assertEquals(before.getValue(), Http.json(Http.get(base, "/api/backtests/" + before.getKey())).getString("finishedAt"),
                    "run " + before.getKey() + " finished before the cancel and was not run again");
        }
    }

    @Test
    void badSweepsAreRefusedWithTheReasonAndNothingStarts() throws Exception {
        int before = Http.json(Http.get(base, "/api/sweeps")).getJsonArray("sweeps").size();
        String body = """
                {"agentId": "rsi-mean-reversion", "tickers": "SWPA", "from": "%s", "to": "%s", "startingCash": "50000", "grid": %s%s}
                """;

        HttpResponse<String> million = post("/api/sweeps", body.formatted(DAY, DAY,
                "{\"period\": {\"from\": 1, \"to\": 1000, \"step\": 1}, \"exitAbove\": {\"from\": 1, \"to\": 1000, \"step\": 1}}", ""));
        assertEquals(400, million.statusCode());
        assertEquals("grid: 1,000,000 combinations; at most 1,000 run in one sweep: give fewer values or larger steps",
                Http.json(million).getString("error"));
        HttpResponse<String> badRank = post("/api/sweeps", body.formatted(DAY, DAY, "{\"period\": [10]}", ", \"rankBy\": \"luck\""));
        assertEquals(400, badRank.statusCode());
        assertTrue(Http.json(badRank).getString("error").startsWith("rankBy: \"luck\" is not one of sharpe, sortino, totalReturn"));
        HttpResponse<String> noGrid = post("/api/sweeps", body.formatted(DAY, DAY, "null", ""));
        assertEquals(400, noGrid.statusCode());
        assertTrue(Http.json(noGrid).getString("error").startsWith("grid: give at least one parameter"));
        HttpResponse<String> unknown = post("/api/sweeps",
                body.formatted(DAY, DAY, "{\"period\": [10]}", "").replace("rsi-mean-reversion", "nobody"));
        assertEquals(400, unknown.statusCode());
        assertEquals("no agent with id \"nobody\"", Http.json(unknown).getString("error"));
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/sweeps"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.formatted(DAY, DAY, "{\"period\": [10]}", ""))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "starting a sweep needs the admin login");

        HttpResponse<String> form = Http.postAsAdmin(base, "/sweeps", "agentId=rsi-mean-reversion&tickers=SWPA&from=" + DAY + "&to=" + DAY
                + "&startingCash=50000&grid=%7B%22period%22%3A%5B%5D%7D&rankBy=sharpe", "application/x-www-form-urlencoded");
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("grid: period: the list of values is empty"), form.body());
        assertEquals(404, Http.get(base, "/api/sweeps/no-such-sweep").statusCode());
        assertEquals(404, Http.get(base, "/sweeps/no-such-sweep").statusCode());
        assertEquals(before, Http.json(Http.get(base, "/api/sweeps")).getJsonArray("sweeps").size());
    }

    @Test
    void theFormOffersTheAgentsOwnParametersAsTheGrid() throws Exception {
        HttpResponse<String> page = Http.get(base, "/sweeps/new?agent=sma-crossover");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"_csrf\""));
        assertTrue(page.body().contains("{&quot;fast&quot;:[10],&quot;slow&quot;:[30]}"), page.body());
        assertTrue(page.body().contains("<option value=\"sharpe\" selected=\"selected\">"), page.body());
    }

    private void store(String ticker) throws Exception {
        assertEquals(200, post("/api/backtest-probe/bars?ticker=" + ticker + "&day=" + DAY + "&live=false", "").statusCode());
    }

    private JsonObject ended(String id) throws Exception {
        return await(id, sweep -> !sweep.getString("status").equals("QUEUED") && !sweep.getString("status").equals("RUNNING"));
    }

    /** The sweep once {@code until} holds for it, read from GET /api/sweeps/{id}; fails after two minutes. */
    private JsonObject await(String id, Predicate<JsonObject> until) throws Exception {
        JsonObject sweep = Await.until(() -> Http.json(Http.get(base, "/api/sweeps/" + id)), until, Duration.ofMinutes(2));
        assertTrue(until.test(sweep), "not there after two minutes: " + sweep.getString("status") + ", "
                + sweep.getInt("runsEnded") + " runs ended");
        return sweep;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return Http.postAsAdmin(base, path, body, "application/json");
    }
}
