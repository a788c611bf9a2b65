package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accounts and chart pages and their JSON API over HTTP, one test per page or endpoint, on trades the real engine
 * made in a database of the test's own: an agent added through the admin path ({@link ChartProbe}) trades twenty bars of
 * CHRT on 2026-06-11 (09:30-11:05 New York, EDT = UTC-4).
 * Bar i opens at 100 + 0.50 i and closes at open + 0.25; a market order placed at bar i's close fills at bar i+1's open.
 * <ul>
 * <li>09:50 (bar 4) buy 10: fills at bar 5 (09:55) open 102.50, cash -1,025.00</li>
 * <li>10:20 (bar 10) exit: sells 10 at bar 11 (10:25) open 105.50, cash +1,055.00, realized +30.00</li>
 * <li>10:40 (bar 14) buy 5: fills at bar 15 (10:45) open 107.50, cash -537.50</li>
 * <li>marked to bar 19's close 109.75: long 5 x 109.75 = 548.75, unrealized 5 x 2.25 = +11.25</li>
 * </ul>
 * Cash 100,000 - 1,025 + 1,055 - 537.50 = 99,492.50; equity 99,492.50 + 548.75 = 100,041.25; buying power (cash
 * account) equity - long value = 99,492.50; day P&amp;L equity - 100,000 (the account opened with no trade since) = +41.25.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsAndChartIT {

    /** Unique per run: the test's database lives as long as the unpacked server. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(ChartProbe.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "accounts-chart-config.jar")
                        // A database of its own: its agent's trades are the only ones on CHRT and in its account.
                        .addAsResource(new StringAsset("config_ordinal=500\n"
                                        + ItDatabase.ownDatabase("accounts-chart-it-" + RUN)),
                                "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    /** The agent has traded the morning (once per run; each test asks, in whatever order they run). */
    @BeforeEach
    void traded() throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/chart-probe/trade");
        assertEquals(204, response.statusCode(), response.body());
    }

    @Test
    void accountApi() throws Exception {
        JsonObject account = ok("/api/accounts/chart-it");
        assertEquals("chart-it", account.getString("id"));
        assertEquals("100000.00", account.getString("startingCash"));
        assertEquals("99492.50", account.getString("cash"));
        assertEquals("100041.25", account.getString("equity"));
        assertEquals("99492.50", account.getString("buyingPower"));
        assertEquals("548.75", account.getString("longMarketValue"));
        assertEquals("30.00", account.getString("realizedPnl"));
        assertEquals("11.25", account.getString("unrealizedPnl"));
        assertEquals("41.25", account.getString("dayPnl"));
        assertEquals("2026-06-11T15:10:00Z", account.getString("valuedAt"), "valued at bar 19's end, 11:10 New York");
        assertTrue(new BigDecimal(account.getString("peakEquity")).compareTo(new BigDecimal("100041.25")) >= 0, account.toString());
        assertTrue(account.isNull("lockedAt") && account.isNull("lockReason"), "no drawdown lock: " + account);
        JsonArray agents = account.getJsonArray("agents");
        assertEquals(1, agents.size());
        assertEquals("chart-it", agents.getJsonObject(0).getString("id"));
        assertEquals("Chart IT trader", agents.getJsonObject(0).getString("name"));

        List<JsonObject> all = ok("/api/accounts").getJsonArray("accounts").getValuesAs(JsonObject.class);
        assertEquals(Json.createObjectBuilder(account).remove("statistics").build(),
                all.stream().filter(a -> a.getString("id").equals("chart-it")).findFirst().orElseThrow(),
                "the list has each account as it stands (its statistics only in the account's own answer)");
        JsonObject sma = all.stream().filter(a -> a.getString("id").equals("sma-crossover")).findFirst().orElseThrow();
        assertEquals("SMA crossover", sma.getJsonArray("agents").getJsonObject(0).getString("name"),
                "each sample agent trades in its own account");
    }

    @Test
    void accountPages() throws Exception {
        String list = page("/accounts");
        String row = between(list, "<tr id=\"account-chart-it\">", "</tr>");
        assertTrue(row.contains("href=\"/accounts/chart-it\""), row);
        assertTrue(row.contains("Chart IT trader"), row);
        assertTrue(row.contains("class=\"num cash\">$99,492.50</td>"), row);
        assertTrue(row.contains("class=\"num equity\">$100,041.25</td>"), row);
        assertTrue(row.contains("class=\"num buying-power\">$99,492.50</td>"), row);
        assertTrue(row.contains("class=\"num realized gain\">+$30.00</td>"), row);
        assertTrue(row.contains("class=\"num unrealized gain\">+$11.25</td>"), row);
        assertTrue(row.contains("class=\"num day-pnl gain\">+$41.25</td>"), row);

        String detail = page("/accounts/chart-it");
        assertEquals("$99,492.50", text(detail, "account-cash"));
        assertEquals("$100,041.25", text(detail, "account-equity"));
        assertEquals("$99,492.50", text(detail, "account-buying-power"));
        assertEquals("+$30.00", text(detail, "account-realized"));
        assertEquals("+$11.25", text(detail, "account-unrealized"));
        assertEquals("+$41.25", text(detail, "account-day-pnl"));
        assertEquals("2026-06-11 11:10 ET", text(detail, "account-valued-at"));
        assertTrue(between(detail, "id=\"account-agents\">", "</dd>").contains("Chart IT trader"), detail);
        assertTrue(detail.contains("data-equity-url=\"/api/accounts/chart-it/equity\""), detail);
        assertTrue(detail.contains("<script defer src=\"/static/js/equity-chart.js\"></script>"), detail);
        assertEquals(200, Http.get(base, "/static/js/equity-chart.js").statusCode());
        assertEquals(200, Http.get(base, "/static/js/charts.js").statusCode());
    }

    /**
     * A point per bar close at which the account changed or held a position: bar 0 (09:30, the session's first bar
     * starts the account's day), bars 5-11 (09:55-10:25, fills and the open position) and 15-19 (10:45-11:05);
     * none for bars 1-4 and 12-14, when it was flat and idle.
     */
    @Test
    void equityCurve() throws Exception {
        List<JsonObject> points = ok("/api/accounts/chart-it/equity").getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(13, points.size(), points.toString());
        assertEquals("2026-06-11T13:35:00Z", points.get(0).getString("time"), "bar 0 ends at 09:35 New York");
        assertEquals("100000.00", points.get(0).getString("equity"));
        assertEquals("2026-06-11T14:00:00Z", points.get(1).getString("time"), "bar 5 ends at 10:00 New York");
        // after bar 5: bought 10 at 102.50, marked at its close 102.75: equity 100,000 + 10 x 0.25
        assertEquals("100002.50", points.get(1).getString("equity"));
        assertEquals("98975.00", points.get(1).getString("cash"));
        // after bar 11: sold 10 at 105.50, flat: cash 98,975 + 1,055
        assertEquals("2026-06-11T14:30:00Z", points.get(7).getString("time"));
        assertEquals("100030.00", points.get(7).getString("cash"));
        assertEquals("2026-06-11T14:50:00Z", points.get(8).getString("time"), "next point: bar 15, the second entry");
        JsonObject last = points.get(12);
        assertEquals("2026-06-11T15:10:00Z", last.getString("time"));
        assertEquals("100041.25", last.getString("equity"));
        assertEquals("99492.50", last.getString("cash"));
        assertEquals("548.75", last.getString("marketValue"));
        assertEquals("30.00", last.getString("realizedPnl"));
        assertEquals("11.25", last.getString("unrealizedPnl"));
        assertEquals("41.25", last.getString("dayPnl"));
        List<JsonObject> newest = ok("/api/accounts/chart-it/equity?limit=2").getJsonArray("points").getValuesAs(JsonObject.class);
        assertEquals(points.subList(11, 13), newest, "a limit keeps the newest points, oldest first");
    }

    /**
     * The account's statistics, worked by hand from the morning above. The curve starts at 09:30, a bar before its first
     * snapshot, and has a point at each bar's end through 11:10 (the newest bar traded), equity carried over the flat
     * bars: 100,000 through 09:55; long 10 from 102.50, marked at closes 102.75 ... 105.25 (10:00-10:25); 100,030 flat
     * (10:30-10:45); long 5 from 107.50 at closes 107.75 ... 109.75 (10:50-11:10). Exposed at 11 of 20 bars; equity
     * never falls (no drawdown, no losing bar: no Sortino); one closed round trip of +30.00 (no losing one: no profit
     * factor).
     */
    @Test
    void statisticsSinceTheFirstBarMarked() throws Exception {
        double[] equity = {100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_002.5, 100_007.5, 100_012.5, 100_017.5,
            100_022.5, 100_027.5, 100_030, 100_030, 100_030, 100_030, 100_031.25, 100_033.75, 100_036.25, 100_038.75, 100_041.25};
        double[] returns = new double[equity.length - 1];
        double mean = 0;
        for (int i = 1; i < equity.length; i++) {
            returns[i - 1] = equity[i] / equity[i - 1] - 1;
            mean += returns[i - 1] / returns.length;
        }
        double squares = 0;
        for (double r : returns) {
            squares += (r - mean) * (r - mean);
        }
        double sharpe = mean / Math.sqrt(squares / (returns.length - 1)) * Math.sqrt(78 * 252);

        JsonObject statistics = ok("/api/accounts/chart-it").getJsonObject("statistics");
        assertEquals(statistics, ok("/api/agents/chart-it").getJsonObject("statistics"), "the agent's are its account's");
        assertEquals("2026-06-11T13:30:00Z", statistics.getString("since"), statistics.toString());
        assertEquals("2026-06-11T15:10:00Z", statistics.getString("through"));
        assertEquals("100000.00", statistics.getString("startEquity"));
        assertEquals("100041.25", statistics.getString("endEquity"));
        assertEquals("41.25", statistics.getString("netProfit"));
        assertEquals(0.0004125, statistics.getJsonNumber("totalReturn").doubleValue(), 1e-12);
        assertEquals(sharpe, statistics.getJsonNumber("sharpe").doubleValue(), Math.abs(sharpe) * 1e-9);
        assertTrue(statistics.isNull("sortino"), "no losing bar");
        assertEquals(0, statistics.getJsonNumber("maxDrawdown").doubleValue());
        assertTrue(statistics.isNull("maxDrawdownDuration"));
        assertEquals(1, statistics.getInt("trades"));
        assertEquals(1, statistics.getJsonNumber("winRate").doubleValue());
        assertTrue(statistics.isNull("profitFactor"), "no losing round trip");
        assertEquals("30.00", statistics.getString("averageWin"));
        assertEquals(0.55, statistics.getJsonNumber("exposure").doubleValue(), 1e-12);

        String detail = page("/accounts/chart-it");
        assertEquals("0.04%", text(detail, "account-statistics-return"));
        assertEquals(String.format(Locale.US, "%,.2f", sharpe), text(detail, "account-statistics-sharpe"));
        assertEquals("—", text(detail, "account-statistics-sortino"));
        assertEquals("55.00%", text(detail, "account-statistics-exposure"));
        assertEquals("1", text(detail, "account-statistics-trades"));
        String agent = page("/agents/chart-it");
        assertEquals("55.00%", text(agent, "agent-statistics-exposure"), "the agent's page shows its account's");
        String compared = page("/compare");
        assertTrue(between(compared, "<tr id=\"compare-chart-it\">", "</tr>").contains("55.00%"), compared);
    }

    /** Pages of 8, newest first: bars 12-19, then 4-11, then 0-3 and no further page. */
    @Test
    void barsPageBackInTime() throws Exception {
        JsonObject newest = ok("/api/bars/chrt?limit=8");
        assertEquals("CHRT", newest.getString("ticker"));
        assertEquals(8, newest.getInt("count"));
        JsonObject bar12 = newest.getJsonArray("bars").getJsonObject(0);
        assertEquals("2026-06-11T14:30:00Z", bar12.getString("time"));
        assertEquals("106.00", bar12.getString("open"));
        assertEquals("106.50", bar12.getString("high"));
        assertEquals("105.75", bar12.getString("low"));
        assertEquals("106.25", bar12.getString("close"));
        assertEquals("10000", bar12.getString("volume"));
        assertEquals("2026-06-11T15:05:00Z", newest.getJsonArray("bars").getJsonObject(7).getString("time"));
        assertEquals("2026-06-11T14:30:00Z", newest.getString("olderTo"));

        JsonObject middle = ok("/api/bars/CHRT?limit=8&to=" + newest.getString("olderTo"));
        assertEquals(8, middle.getInt("count"));
        assertEquals("2026-06-11T13:50:00Z", middle.getJsonArray("bars").getJsonObject(0).getString("time"));
        assertEquals("2026-06-11T14:25:00Z", middle.getJsonArray("bars").getJsonObject(7).getString("time"));

        JsonObject oldest = ok("/api/bars/CHRT?limit=8&to=" + middle.getString("olderTo"));
        assertEquals(4, oldest.getInt("count"));
        assertEquals("2026-06-11T13:30:00Z", oldest.getJsonArray("bars").getJsonObject(0).getString("time"));
        assertTrue(oldest.isNull("olderTo"), oldest.toString());

        assertEquals(20, ok("/api/bars/CHRT?from=2026-06-11&to=2026-06-11").getInt("count"), "a date is the whole New York day");
        assertEquals(2, ok("/api/bars/CHRT?from=2026-06-11T15:00:00Z").getInt("count"), "bars 18 and 19 start at or after 11:00");
        assertEquals(0, ok("/api/bars/CHRT?to=2026-06-10").getInt("count"));
        assertEquals(2000, ok("/api/bars/CHRT?limit=999999").getInt("limit"), "the limit is capped");
    }

    @Test
    void markersAreTheFills() throws Exception {
        List<JsonObject> markers = ok("/api/bars/CHRT/markers?agent=chart-it").getJsonArray("markers").getValuesAs(JsonObject.class);
        assertEquals(3, markers.size(), markers.toString());
        assertMarker(markers.get(0), "2026-06-11T13:55:00Z", "BUY", 10, "102.50", "entry at 09:50");
        assertMarker(markers.get(1), "2026-06-11T14:25:00Z", "SELL", 10, "105.50", "exit at 10:20");
        assertMarker(markers.get(2), "2026-06-11T14:45:00Z", "BUY", 5, "107.50", "second entry at 10:40");
        assertEquals(markers, ok("/api/bars/CHRT/markers").getJsonArray("markers").getValuesAs(JsonObject.class),
                "no other agent traded CHRT (the RSI agent watches all tickers but the price only rose)");
        assertEquals(1, ok("/api/bars/CHRT/markers?agent=chart-it&from=2026-06-11T14:00:00Z&to=2026-06-11T14:30:00Z")
                .getJsonArray("markers").size());
        assertEquals(0, ok("/api/bars/CHRT/markers?agent=sma-crossover").getJsonArray("markers").size());
    }

    private static void assertMarker(JsonObject marker, String time, String side, int quantity, String price, String reason) {
        assertEquals(time, marker.getString("time"), marker.toString());
        assertEquals(side, marker.getString("side"), marker.toString());
        assertEquals(side.equals("BUY"), marker.getBoolean("buy"), marker.toString());
        assertEquals("chart-it", marker.getString("agent"), marker.toString());
        assertEquals(quantity, marker.getInt("quantity"), marker.toString());
        assertEquals(price, marker.getString("price"), marker.toString());
        assertEquals(reason, marker.getString("reason"), marker.toString());
    }

    @Test
    void chartPage() throws Exception {
        String chart = page("/chart/CHRT?agent=chart-it");
        String container = between(chart, "<div class=\"chart\" id=\"price-chart\"", "</div>");
        assertTrue(container.contains("data-bars-url=\"/api/bars/CHRT\""), container);
        assertTrue(container.contains("data-markers-url=\"/api/bars/CHRT/markers?agent=chart-it\""), container);
        String fills = between(chart, "<table id=\"fills\">", "</table>");
        assertEquals(3, fills.split("<tr class=\"fill\">", -1).length - 1, fills);
        assertTrue(fills.contains(">2026-06-11 09:55 ET</td>"), fills);
        assertTrue(fills.contains(">second entry at 10:40</td>"), fills);
        assertTrue(fills.contains("class=\"num\">105.50</td>"), fills);
        assertTrue(chart.contains("<script defer src=\"/static/vendor/lightweight-charts/lightweight-charts.standalone.production.js\"></script>"));
        assertTrue(chart.contains("<script defer src=\"/static/js/price-chart.js\"></script>"), chart);
        assertTrue(!chart.contains("<script>") && !chart.contains(" style=") && !chart.contains(" onclick="),
                "no inline script, style or handler (CSP)");
        assertEquals(200, Http.get(base, "/static/js/price-chart.js").statusCode());
        assertEquals(200, Http.get(base, "/static/vendor/lightweight-charts/lightweight-charts.standalone.production.js").statusCode());
        assertTrue(page("/chart/msft").contains("<span id=\"chart-ticker\">MSFT</span>"), "the ticker is upper-cased");
    }

    @Test
    void badInputIsA400OrA404WithAMessage() throws Exception {
        assertError(400, "/api/bars/TOOLONGTICKER", "'TOOLONGTICKER' is not a ticker (1-10 letters, digits, dots or dashes, starting with a letter)");
        assertError(400, "/api/bars/CHRT?from=2026-13-01",
                "from '2026-13-01' is not a date (2026-06-10) or an ISO-8601 instant (2026-06-10T13:30:00Z)");
        assertError(400, "/api/bars/CHRT?to=soon", "to 'soon' is not a date (2026-06-10) or an ISO-8601 instant (2026-06-10T13:30:00Z)");
        assertError(400, "/api/bars/CHRT?limit=0", "limit '0' must be a whole number from 1 (larger than 2000 is capped to 2000)");
        assertError(400, "/api/bars/CHRT?limit=lots", "limit 'lots' must be a whole number from 1 (larger than 2000 is capped to 2000)");
        assertError(400, "/api/bars/CHRT?from=2026-06-12&to=2026-06-10",
                "from (2026-06-12T04:00:00Z) must be before to (2026-06-11T04:00:00Z)");
        assertError(400, "/api/bars/CHRT/markers?agent=Not_An_Id",
                "agent id 'Not_An_Id' must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit");
        assertError(400, "/api/accounts/chart-it/equity?limit=-1", "limit '-1' must be a whole number from 1 (larger than 2000 is capped to 2000)");
        assertError(404, "/api/accounts/no-such-account", "no account 'no-such-account'");

        assertPageError(400, "/chart/TOOLONGTICKER", "&#39;TOOLONGTICKER&#39; is not a ticker");
        assertPageError(400, "/chart/CHRT?agent=Not_An_Id", "agent id &#39;Not_An_Id&#39; must be");
        assertPageError(404, "/accounts/no-such-account", "No account &#39;no-such-account&#39;.");
    }

    @Test
    void releasingALockThatDoesNotHoldIsRefused() throws Exception {
        HttpResponse<String> notLocked = Http.postAsAdmin(base, "/api/accounts/chart-it/release-lock");
        assertEquals(409, notLocked.statusCode(), notLocked.body());
        assertEquals("account chart-it is not locked", Http.json(notLocked).getString("error"));
        HttpResponse<String> unknown = Http.postAsAdmin(base, "/api/accounts/no-such-account/release-lock");
        assertEquals(404, unknown.statusCode(), unknown.body());
    }

    private void assertError(int status, String path, String message) throws Exception {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertEquals(message, Http.json(response).getString("error"), path);
    }

    private void assertPageError(int status, String path, String message) throws Exception {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertTrue(between(response.body(), "id=\"error-message\">", "</p>").contains(message), response.body());
    }

    private JsonObject ok(String path) throws Exception {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Http.json(response);
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response.body();
    }

    private static String text(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertTrue(matcher.find(), "no element #" + id + " in " + html);
        return matcher.group(1);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + text);
        return text.substring(from, text.indexOf(end, from));
    }

}
