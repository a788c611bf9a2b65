package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.Agent;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read side over HTTP with real trading in SQLite: {@link ReadSideProbe} has the real scanner and broker trade
 * twelve ORDX bars (buy at 50.10, sell at 55.20; buy at 60.30, sell at 57.90; buy at 50.40, marked at 50.90), then
 * every page and endpoint is checked against values worked out by hand from those prices.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrdersPagesIT {

    private static final URL BASE = Deployments.baseUrl();
    private static final String BUY_1 = "orders-it|ORDX|2026-06-11T13:35:00Z|0";
    private static final String EXIT_1 = "orders-it|ORDX|2026-06-11T13:50:00Z|0";
    private static final String BUY_2 = "orders-it|ORDX|2026-06-11T14:00:00Z|0";
    private static final String EXIT_2 = "orders-it|ORDX|2026-06-11T14:10:00Z|0";
    private static final String BUY_3 = "orders-it|ORDX|2026-06-11T14:20:00Z|0";
    private static final List<String> NEWEST_FIRST = List.of(BUY_3, EXIT_2, BUY_2, EXIT_1, BUY_1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(ReadSideProbe.class);
    }

    @BeforeAll
    static void trade() throws Exception {
        post("/api/test-read-side/trade");
    }

    @AfterAll
    static void removeTheTestAgents() throws Exception {
        post("/api/test-read-side/cleanup");
    }

    @Test
    void ordersApiFiltersAndPages() throws Exception {
        assertEquals(NEWEST_FIRST, ids(json("/api/orders?agent=orders-it")));
        assertEquals(NEWEST_FIRST, ids(json("/api/orders?ticker=ordx&status=filled&from=2026-06-11&to=2026-06-11")));
        assertEquals(List.of(), ids(json("/api/orders?agent=orders-it&from=2026-06-12")));
        assertEquals(List.of(), ids(json("/api/orders?agent=orders-it&status=REJECTED")));

        JsonObject first = json("/api/orders?agent=orders-it&size=2");
        assertEquals(List.of(BUY_3, EXIT_2), ids(first));
        assertTrue(first.getBoolean("hasNext"));
        JsonObject last = json("/api/orders?agent=orders-it&size=2&page=3");
        assertEquals(List.of(BUY_1), ids(last));
        assertFalse(last.getBoolean("hasNext"));

        JsonObject buy = json("/api/orders?agent=orders-it&size=1&page=5").getJsonArray("items").getJsonObject(0);
        assertEquals("FILLED", buy.getString("status"));
        assertEquals("BUY", buy.getString("side"));
        assertEquals(10, buy.getInt("filledQuantity"));
        assertEquals("50.1000", buy.getString("averageFillPrice"));
        assertEquals("0.00", buy.getString("commission"));
        assertEquals("sma-crossover", buy.getString("accountId"));
        assertEquals("=HYPERLINK(\"http://evil\",\"x\") buy, at 50", buy.getString("reason"));
        assertEquals("2026-06-11T13:35:00Z", buy.getString("barTime"));
        assertEquals(Agent.sha256(ReadSideProbe.SCRIPT), buy.getString("scriptHash"));
        assertTrue(buy.isNull("limitPrice"));
    }

    @Test
    void orderDetailHasItsEventHistoryAndFills() throws Exception {
        JsonObject exit = json("/api/orders/" + encode(EXIT_1));
        assertEquals(List.of("NEW", "ACCEPTED", "FILLED"),
                exit.getJsonArray("events").getValuesAs(JsonObject.class).stream().map(e -> e.getString("status")).toList());
        JsonObject filled = exit.getJsonArray("events").getJsonObject(2);
        assertEquals("ACCEPTED", filled.getString("previousStatus"));
        assertEquals("filled 10 @ 55.2000 (10/10)", filled.getString("cause"));
        assertEquals("55.2000", filled.getString("fillPrice"));
        JsonObject fill = exit.getJsonArray("fills").getJsonObject(0);
        assertEquals("2026-06-11T13:55:00Z", fill.getString("filledAt"));
        assertEquals("SELL", fill.getString("side"));

        HttpResponse<String> page = Http.get(BASE, "/orders/" + encode(EXIT_1));
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("&lt;b&gt;exit&lt;/b&gt; at 55"), "the reason, escaped: " + html);
        assertFalse(html.contains("<b>exit</b>"), html);
        assertTrue(html.contains("2026-06-11 09:50 ET"), "the signal bar: " + html);
        assertTrue(html.contains(Agent.sha256(ReadSideProbe.SCRIPT)), "the script version: " + html);
        assertTrue(html.contains("filled 10 @ 55.2000 (10/10)"), html);
        assertTrue(html.contains("$552.00"), "the fill's value, 10 x 55.20: " + html);

        assertEquals(404, Http.get(BASE, "/api/orders/no-such-order").statusCode());
        assertEquals(404, Http.get(BASE, "/orders/no-such-order").statusCode());
    }

    @Test
    void ordersPageListsFiltersAndPages() throws Exception {
        HttpResponse<String> page = Http.get(BASE, "/orders?agent=orders-it&size=2");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("id=\"orders-table\""), html);
        assertTrue(html.contains("id=\"order-" + BUY_3 + "\""), html);
        assertTrue(html.contains("id=\"order-" + EXIT_2 + "\""), html);
        assertFalse(html.contains("id=\"order-" + BUY_2 + "\""), "only two rows per page: " + html);
        assertTrue(html.contains("agent=orders-it&amp;page=2&amp;size=2"), "the next page keeps the filter: " + html);
        assertTrue(html.contains("/api/orders.csv?agent=orders-it"), html);
        assertTrue(html.contains("&lt;b&gt;exit&lt;/b&gt; at 58"), html);

        HttpResponse<String> bad = Http.get(BASE, "/orders?status=DONE");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("is not one of [NEW, ACCEPTED"), bad.body());
        assertTrue(bad.body().contains("id=\"filter-error\""), bad.body());

        HttpResponse<String> badApi = Http.get(BASE, "/api/orders?from=2026-02-30");
        assertEquals(400, badApi.statusCode());
        assertEquals("from: '2026-02-30' is not a date (yyyy-mm-dd)", Http.json(badApi).getString("error"));
        assertEquals(400, Http.get(BASE, "/api/orders?size=0").statusCode());
        assertEquals(400, Http.get(BASE, "/api/orders.csv?ticker=%3Cb%3E").statusCode());
    }

    @Test
    void positionsShowTheirProfitAndLoss() throws Exception {
        List<JsonObject> all = json("/api/positions?agent=orders-it").getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(3, all.size());
        JsonObject open = all.get(0);
        assertTrue(open.getBoolean("open"));
        assertEquals(10, open.getInt("quantity"));
        assertEquals("50.4000", open.getString("averagePrice"));
        assertEquals("50.9000", open.getString("lastPrice"));
        assertEquals("509.00", open.getString("marketValue"));
        assertEquals("5.00", open.getString("unrealizedPnl"));       // 10 x (50.90 - 50.40)
        assertEquals("-24.00", all.get(1).getString("realizedPnl")); // 10 x (57.90 - 60.30)
        assertEquals("51.00", all.get(2).getString("realizedPnl"));  // 10 x (55.20 - 50.10)
        assertEquals("2026-06-11T14:15:00Z", all.get(1).getString("closedAt"));
        assertEquals(2, json("/api/positions?agent=orders-it&state=closed").getJsonArray("items").size());
        assertEquals(1, json("/api/positions?account=sma-crossover&agent=orders-it&state=open").getJsonArray("items").size());
        assertEquals(400, Http.get(BASE, "/api/positions?state=half").statusCode());

        String html = Http.get(BASE, "/positions?agent=orders-it").body();
        assertTrue(html.contains("+$51.00"), html);
        assertTrue(html.contains("-$24.00"), html);
        assertTrue(html.contains("+$5.00"), html);
        assertTrue(html.contains("$509.00"), html);
        HttpResponse<String> bad = Http.get(BASE, "/positions?agent=Not%20An%20Id");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("agent: agent id"), bad.body());
    }

    @Test
    void agentsShowResultsAndAreEscaped() throws Exception {
        List<JsonObject> agents = json("/api/agents").getJsonArray("agents").getValuesAs(JsonObject.class);
        JsonObject trader = agents.stream().filter(a -> a.getString("id").equals("orders-it")).findFirst().orElseThrow();
        assertEquals("ENABLED", trader.getString("state"));
        assertEquals(List.of("ORDX"), trader.getJsonArray("tickers").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
        assertEquals(1, trader.getInt("openPositions"));
        assertEquals(2, trader.getInt("closedRoundTrips"));
        assertEquals(1, trader.getInt("winningRoundTrips"));
        assertEquals("0.5000", trader.getString("winRate"));
        assertEquals("27.00", trader.getString("realizedPnl"));  // 51.00 - 24.00
        assertEquals("5.00", trader.getString("unrealizedPnl"));
        assertEquals("32.00", trader.getString("totalPnl"));
        JsonObject lastSignal = trader.getJsonObject("lastSignal");
        assertEquals("2026-06-11T14:20:00Z", lastSignal.getString("barTime"));
        assertTrue(lastSignal.getString("signals").startsWith("buy "), lastSignal.toString());
        assertTrue(lastSignal.getString("signals").endsWith("(=HYPERLINK(\"http://evil\",\"x\") buy, at 50)"), lastSignal.toString());
        JsonObject broken = agents.stream().filter(a -> a.getString("id").equals("orders-it-xss")).findFirst().orElseThrow();
        assertEquals("ERRORED", broken.getString("state"));
        assertEquals(ReadSideProbe.XSS_ERROR, broken.getString("lastError"));

        String list = Http.get(BASE, "/agents").body();
        assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt; Orders IT"), list);
        assertTrue(list.contains("&lt;img src=x onerror=alert(2)&gt;"), list);
        assertFalse(list.contains("<script>alert(1)"), list);
        assertFalse(list.contains("<img src=x"), list);
        assertTrue(list.contains("50.00% of 2"), "the win rate: " + list);
        assertTrue(list.contains("+$27.00"), list);

        JsonObject detail = json("/api/agents/orders-it");
        assertEquals(ReadSideProbe.SCRIPT, detail.getString("script"));
        assertEquals("50 and 60", detail.getJsonObject("parameters").getString("entries"));
        assertEquals("sma-crossover", detail.getJsonObject("account").getString("id"));
        assertEquals(5, detail.getJsonArray("orders").size());
        assertEquals(3, detail.getJsonArray("positions").size());
        assertEquals(5, detail.getJsonArray("recentSignals").size());

        String page = Http.get(BASE, "/agents/orders-it").body();
        assertTrue(page.contains("class=\"language-javascript\""), page);
        assertTrue(page.contains("highlight.min.js"), page);
        assertTrue(page.contains("if (ctx.position &amp;&amp; (c === 55 || c === 58))"), "the script as text: " + page);
        assertTrue(page.contains("50.00% (1 of 2 closed round trips with a positive realized P&amp;L)"), page);
        assertTrue(page.contains("id=\"agent-account\""), page);
        assertTrue(page.contains("50 and 60"), page);
        String brokenPage = Http.get(BASE, "/agents/orders-it-xss").body();
        assertTrue(brokenPage.contains("1 in a row; last: &lt;img src=x onerror=alert(2)&gt;"), brokenPage);
        assertEquals(404, Http.get(BASE, "/agents/no-such-agent").statusCode());
        assertEquals(404, Http.get(BASE, "/api/agents/no-such-agent").statusCode());

        JsonObject faulty = json("/api/agents/" + ReadSideProbe.FAULTY_AGENT);
        assertEquals("ERRORED", faulty.getString("state"), "stopped after three failed scans in a row");
        List<JsonObject> errors = faulty.getJsonArray("recentErrors").getValuesAs(JsonObject.class);
        assertEquals(3, errors.size(), "each failed scan was kept: " + errors);
        assertTrue(errors.stream().allMatch(e -> e.getString("ticker").equals("ORDX")
                && e.getString("error").contains("undefinedVariable")), errors.toString());
        assertEquals(0, faulty.getJsonArray("recentSignals").size());
        String faultyPage = Http.get(BASE, "/agents/" + ReadSideProbe.FAULTY_AGENT).body();
        assertTrue(faultyPage.contains("id=\"agent-scan-errors\""), faultyPage);
        assertTrue(json("/api/agents/orders-it").getJsonArray("recentErrors").isEmpty());
    }

    @Test
    void csvExportsQuoteAndDefuseFormulas() throws Exception {
        HttpResponse<String> orders = Http.get(BASE, "/api/orders.csv?agent=orders-it");
        assertEquals(200, orders.statusCode());
        assertTrue(orders.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), orders.headers().toString());
        String[] lines = orders.body().split("\r\n");
        assertEquals(6, lines.length, orders.body());
        assertTrue(lines[0].startsWith("id,created_at,agent,account,ticker,side,type,"), lines[0]);
        assertTrue(lines[5].startsWith(BUY_1 + ","), lines[5]);
        assertTrue(lines[5].contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\") buy, at 50\",2026-06-11T13:35:00Z,"), lines[5]);

        String fills = Http.get(BASE, "/api/fills.csv?agent=orders-it&from=2026-06-11").body();
        assertEquals("id,filled_at,order_id,agent,account,ticker,side,quantity,price,commission\r\n"
                + BUY_3 + "#3,2026-06-11T14:25:00Z," + BUY_3 + ",orders-it,sma-crossover,ORDX,BUY,10,50.4000,0.00\r\n"
                + EXIT_2 + "#3,2026-06-11T14:15:00Z," + EXIT_2 + ",orders-it,sma-crossover,ORDX,SELL,10,57.9000,0.00\r\n"
                + BUY_2 + "#3,2026-06-11T14:05:00Z," + BUY_2 + ",orders-it,sma-crossover,ORDX,BUY,10,60.3000,0.00\r\n"
                + EXIT_1 + "#3,2026-06-11T13:55:00Z," + EXIT_1 + ",orders-it,sma-crossover,ORDX,SELL,10,55.2000,0.00\r\n"
                + BUY_1 + "#3,2026-06-11T13:40:00Z," + BUY_1 + ",orders-it,sma-crossover,ORDX,BUY,10,50.1000,0.00\r\n", fills);
        assertEquals("id,filled_at,order_id,agent,account,ticker,side,quantity,price,commission\r\n",
                Http.get(BASE, "/api/fills.csv?agent=orders-it&status=CANCELED").body());
    }

    private static JsonObject json(String path) throws Exception {
        HttpResponse<String> response = Http.get(BASE, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Http.json(response);
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(o -> o.getString("id")).toList();
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }

    private static void post(String path) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(BASE, path);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 204, path + ": " + response.statusCode() + " " + response.body());
    }
}
