package com.papertrader.it.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.it.Browser;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.web.FormClient;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Backtests through the deployed WAR with bars stored in its SQLite database: the JSON API (queue, progress,
 * results, errors), the pages (the results page's charts in headless Chromium), a CSV upload, and the parity of a day the
 * RSI sample agent traded live with its replay.
 * The RSI mean reversion agent watches every ticker, so the test's own tickers (BTQ*) keep it apart from other tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BacktestIT {

    private static final LocalDate DAY = LocalDate.of(2026, 6, 24);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(BacktestProbe.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void aBacktestOfStoredBarsRunsInTheBackgroundAndItsLiveDayReplaysIdentically() throws Exception {
        post("/api/backtest-probe/bars?ticker=BTQA&day=" + DAY + "&live=true", "", "application/json");
        post("/api/backtest-probe/bars?ticker=BTQB&day=" + DAY + "&live=false", "", "application/json");

        HttpResponse<String> accepted = post("/api/backtests", """
                {"agentId": "rsi-mean-reversion", "tickers": ["BTQA", "btqb"], "from": "%s", "to": "%s", "startingCash": "50000.00"}
                """.formatted(DAY, DAY), "application/json");
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = Http.json(accepted).getString("id");
        assertTrue(accepted.headers().firstValue("Location").orElse("").endsWith("backtests/" + id));

        JsonObject run = finished(id);
        assertEquals("DONE", run.getString("status"), run.toString());
        assertEquals(120, run.getInt("barsDone"));
        assertEquals(120, run.getInt("barsTotal"));
        assertEquals(List.of("BTQA", "BTQB"), run.getJsonArray("tickers").getValuesAs(jakarta.json.JsonString::getString));
        // RSI(14) is 0 at bar 14 (fourteen falls): buy $5,000 at the reference 49.72, 100 shares, filled at bar 15's
        // open 49.72. Wilder's RSI passes 50 on the fifth rise (bar 34: 52.9), sold at bar 35's open 49.67: -5.00.
        List<JsonObject> trades = run.getJsonArray("trades").getValuesAs(JsonObject.class);
        assertEquals(2, trades.size(), run.toString());
        for (JsonObject trade : trades) {
            assertEquals(100, trade.getInt("quantity"));
            assertEquals("49.7200", trade.getString("entryPrice"));
            assertEquals("49.6700", trade.getString("exitPrice"));
            assertEquals("-5.00", trade.getString("pnl"));
            assertEquals("RSI(14) 0.0 below 30", trade.getString("entryReason"));
            assertEquals("RSI(14) 52.9 above 50", trade.getString("exitReason"));
            assertEquals(bar(15).start().toString(), trade.getString("entryAt"));
            assertTrue(trade.getJsonNumber("mae").doubleValue() >= 0 && trade.getJsonNumber("mfe").doubleValue() >= 0, trade.toString());
        }
        JsonObject statistics = run.getJsonObject("statistics");
        assertEquals("49990.00", statistics.getString("endEquity"));
        assertEquals(-0.0002, statistics.getJsonNumber("totalReturn").doubleValue(), 1e-12);
        assertEquals(2, statistics.getInt("trades"));
        assertEquals(0.0, statistics.getJsonNumber("winRate").doubleValue());
        assertTrue(statistics.getString("returnsBasis").contains("78 bars x 252 days"));
        assertEquals(2, statistics.getInt("longestLosingStreak"), "two losing trips in a row");
        assertTrue(statistics.isNull("sqn"), "two equal losses have no deviation: " + statistics);
        // traded 2 × 100 × (49.72 + 49.67) = 19,878; half of it over the mean equity of the curve's points
        double meanEquity = run.getJsonArray("equity").getValuesAs(JsonObject.class).stream()
                .mapToDouble(point -> Double.parseDouble(point.getString("equity"))).average().orElseThrow();
        assertEquals(9_939.0 / meanEquity, statistics.getJsonNumber("turnover").doubleValue(), 1e-9);
        assertTrue(statistics.getJsonNumber("calmar").doubleValue() < 0, "a loss over a drawdown: " + statistics);
        // Buy and hold: 25,000 a ticker, 500 shares at 50.00, worth 50.92: 50,000 + 2 × 500 × 0.92 = 50,920.00
        assertEquals("50920.00", run.getJsonObject("buyAndHold").getString("endEquity"));
        assertEquals(61, run.getJsonArray("equity").size(), "the starting cash and one point per bar start");

        HttpResponse<String> page = Http.get(base, "/backtests/" + id);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("RSI(14) 52.9 above 50"), "the trade list with exit reasons");
        assertTrue(page.body().contains("$49,990.00"), "end equity in the page's money format");
        assertTrue(page.body().contains("/static/js/backtest.js"));
        assertTrue(Http.get(base, "/backtests").body().contains(id), "listed");
        assertEquals(409, post("/api/backtests/" + id + "/cancel", "", "application/json").statusCode(), "a finished run cannot be canceled");
        HttpResponse<String> cancelForm = post("/backtests/" + id + "/cancel", "_csrf=x", "application/x-www-form-urlencoded");
        assertEquals(302, cancelForm.statusCode(), "the page's Cancel goes back to the run");
        assertEquals("DONE", Http.json(Http.get(base, "/api/backtests/" + id)).getString("status"), "and a finished run stays done");

        JsonObject parity = Http.json(Http.get(base, "/api/backtests/parity?agent=rsi-mean-reversion&day=" + DAY));
        assertTrue(parity.getBoolean("identical"), parity.toString());
        assertEquals(2, parity.getInt("liveFills"), "the live desk bought and sold BTQA that day");
        assertEquals(parity.getInt("liveOrders"), parity.getInt("replayedOrders"));
        String parityPage = Http.get(base, "/backtests/parity?agent=rsi-mean-reversion&day=" + DAY).body();
        assertTrue(parityPage.contains("Identical."), parityPage);
    }

    @Test
    void aCsvFileCanBeBacktestedFromTheForm() throws Exception {
        String[] multipart = Http.multipart(csvFormFields("BTQC"), "csv", "bars.csv", csv("BTQC"));

        HttpResponse<String> created = post("/backtests", multipart[1], multipart[0]);

        assertEquals(302, created.statusCode(), created.body());
        assertTheCsvRunTraded(created);
    }

    /** The upload form as a logged-in browser posts it: a multipart body whose CSRF token is one of the parts. */
    @Test
    void aLoggedInBrowserUploadsACsvWithTheFormsToken() throws Exception {
        FormClient browser = new FormClient(base);
        assertEquals(302, browser.logIn().statusCode());
        assertEquals(200, browser.get("/backtests/new?agent=rsi-mean-reversion").statusCode());
        int before = Http.json(Http.get(base, "/api/backtests")).getJsonArray("backtests").size();

        HttpResponse<String> forged = browser.postMultipart("/backtests", csvFormFields("BTQD"), false, "csv", "bars.csv", csv("BTQD"));
        assertEquals(403, forged.statusCode(), "without the token the session cookie alone is refused");
        assertEquals(before, Http.json(Http.get(base, "/api/backtests")).getJsonArray("backtests").size(), "nothing started");

        HttpResponse<String> created = browser.postMultipart("/backtests", csvFormFields("BTQD"), true, "csv", "bars.csv", csv("BTQD"));
        assertEquals(302, created.statusCode(), created.body());
        assertTheCsvRunTraded(created);
    }

    private static Map<String, String> csvFormFields(String ticker) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("agentId", "rsi-mean-reversion");
        fields.put("tickers", ticker);
        fields.put("from", "");
        fields.put("to", "");
        fields.put("startingCash", "10000");
        return fields;
    }

    /** {@link BacktestProbe#fallThenRise}'s bars of the day as the upload's CSV (epoch-millisecond times). */
    private static String csv(String ticker) {
        return "ticker,t,o,h,l,c,v\n" + BacktestProbe.fallThenRise(ticker, DAY).stream()
                .map(bar -> String.join(",", bar.ticker(), String.valueOf(bar.start().toEpochMilli()), bar.open().toPlainString(),
                        bar.high().toPlainString(), bar.low().toPlainString(), bar.close().toPlainString(), bar.volume().toPlainString()))
                .collect(Collectors.joining("\n"));
    }

    /** The run the upload redirected to read all 60 bars of the file and made the one round trip they hold. */
    private void assertTheCsvRunTraded(HttpResponse<String> created) throws Exception {
        String location = created.headers().firstValue("Location").orElseThrow();
        JsonObject run = finished(location.substring(location.lastIndexOf('/') + 1));
        assertEquals("DONE", run.getString("status"), run.toString());
        assertEquals(60, run.getInt("barsDone"));
        assertEquals("file bars.csv", run.getString("source"));
        assertEquals(1, run.getJsonArray("trades").size());
    }

    /**
     * Writers that overlap (bars stored, backtests saving their runs, an admin pausing and enabling an agent, each from
     * its own thread) all succeed: each waits for SQLite's write lock instead of failing with SQLITE_BUSY.
     */
    @Test
    void overlappingWritersAllSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (String ticker : List.of("BTQW", "BTQX")) {
                statuses.add(threads.submit(() -> {
                    List<Integer> stored = new ArrayList<>();
                    for (int d = 0; d < 20; d++) {
                        String day = DAY.minusDays(40 - d).toString();
                        stored.add(post("/api/backtest-probe/bars?ticker=" + ticker + "&day=" + day, "", "application/json").statusCode());
                    }
                    return stored;
                }));
            }
            List<String> runs = new CopyOnWriteArrayList<>();
            statuses.add(threads.submit(() -> {
                List<Integer> started = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String[] multipart = Http.multipart(csvFormFields("BTQY"), "csv", "bars.csv", csv("BTQY"));
                    HttpResponse<String> created = post("/backtests", multipart[1], multipart[0]);
                    started.add(created.statusCode());
                    created.headers().firstValue("Location").ifPresent(location -> runs.add(location.substring(location.lastIndexOf('/') + 1)));
                }
                return started;
            }));
            statuses.add(threads.submit(() -> {
                List<Integer> changed = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String action = i % 2 == 0 ? "pause" : "enable";
                    changed.add(post("/admin/agents/opening-range-breakout/" + action, "", "application/x-www-form-urlencoded").statusCode());
                }
                return changed;
            }));
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> writer : statuses) {
                all.addAll(writer.get(2, TimeUnit.MINUTES));
            }
            assertTrue(all.stream().allMatch(status -> status == 200 || status == 302), "every write succeeded: " + all);
            assertEquals(6, runs.size());
            for (String run : runs) {
                assertEquals("DONE", finished(run).getString("status"));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void badInputIsAClearErrorAndNothingIsStarted() throws Exception {
        int before = Http.json(Http.get(base, "/api/backtests")).getJsonArray("backtests").size();

        HttpResponse<String> badJson = post("/api/backtests", "{not json", "application/json");
        assertEquals(400, badJson.statusCode());
        assertTrue(Http.json(badJson).getString("error").startsWith("the body is not a JSON object"));

        HttpResponse<String> badValues = post("/api/backtests",
                "{\"agentId\": \"rsi-mean-reversion\", \"tickers\": [], \"from\": \"2026-06-30\", \"to\": \"2026-06-01\", \"startingCash\": \"x\"}",
                "application/json");
        assertEquals(400, badValues.statusCode());
        assertEquals("tickers: give at least one ticker; to (2026-06-01) is before from (2026-06-30); "
                + "startingCash: \"x\" is not an amount (e.g. 100000.00)", Http.json(badValues).getString("error"));

        HttpResponse<String> unknownAgent = post("/api/backtests",
                "{\"agentId\": \"nobody\", \"tickers\": \"BTQA\", \"from\": \"2026-06-24\", \"to\": \"2026-06-24\", \"startingCash\": 1000}",
                "application/json");
        assertEquals(400, unknownAgent.statusCode());
        assertEquals("no agent with id \"nobody\"", Http.json(unknownAgent).getString("error"));

        HttpResponse<String> form = post("/backtests", "agentId=rsi-mean-reversion&tickers=BTQA&from=June&to=2026-06-24&startingCash=100",
                "application/x-www-form-urlencoded");
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("from: &quot;June&quot; is not a date (yyyy-MM-dd)"), form.body());
        assertTrue(form.body().contains("value=\"BTQA\""), "what was typed is kept");

        assertEquals(404, Http.get(base, "/api/backtests/no-such-run").statusCode());
        assertEquals(404, Http.get(base, "/backtests/no-such-run").statusCode());
        HttpResponse<String> parityForm = Http.get(base, "/backtests/parity");
        assertEquals(200, parityForm.statusCode());
        assertTrue(parityForm.body().contains("name=\"day\""), "the parity page without a day is its form");
        assertEquals(400, Http.get(base, "/api/backtests/parity?agent=rsi-mean-reversion&day=yesterday").statusCode());
        assertEquals(before, Http.json(Http.get(base, "/api/backtests")).getJsonArray("backtests").size());
    }

    @Test
    void theFormPageOffersTheAgentsAndCarriesTheCsrfField() throws Exception {
        HttpResponse<String> page = Http.get(base, "/backtests/new?agent=sma-crossover");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"_csrf\""));
        assertTrue(page.body().contains("value=\"AAPL, MSFT, SPY\""), "the agent's own tickers");
        assertTrue(page.body().contains("<option value=\"sma-crossover\" selected=\"selected\">"), page.body());
    }

    @Test
    void theResultsPageDrawsTheEquityAndDrawdownChartsInABrowser() throws Exception {
        post("/api/backtest-probe/bars?ticker=BTQD&day=" + DAY + "&live=false", "", "application/json");
        HttpResponse<String> accepted = post("/api/backtests", """
                {"agentId": "rsi-mean-reversion", "tickers": "BTQD", "from": "%s", "to": "%s", "startingCash": "20000"}
                """.formatted(DAY, DAY), "application/json");
        String id = Http.json(accepted).getString("id");
        assertEquals("DONE", finished(id).getString("status"));

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.get(base.toExternalForm().replaceAll("/$", "") + "/backtests/" + id);
            browser.waitUpTo(Duration.ofSeconds(20)).until(driver -> !driver.findElements(By.cssSelector("#equity-chart canvas")).isEmpty());
            assertFalse(page.findElements(By.cssSelector("#drawdown-chart canvas")).isEmpty(), "the drawdown chart is drawn");
            assertEquals("DONE", page.findElement(By.id("backtest-status")).getText());
            assertEquals("60", page.findElement(By.id("backtest-done")).getText());
        }
    }

    /** Polls the run until it is no longer queued or running. */
    private JsonObject finished(String id) throws Exception {
        return BacktestProbe.finished(base, id);
    }

    private static Bar bar(int index) {
        return BacktestProbe.fallThenRise("BTQA", DAY).get(index);
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return Http.postAsAdmin(base, path, body, contentType);
    }
}
