package com.papertrader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.trading.order.OrderStatus;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The status API, the health endpoint and the Overview page, over HTTP against the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void statusReportsTheSimulatedFeedAndTheConfiguredTickers() throws Exception {
        HttpResponse<String> response = Http.get(base, "/api/status");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject status = Http.json(response);
        for (String key : List.of("isRunning", "feed", "feedConnected", "subscribedTickers", "activeAgents",
                "watchedTickers", "pendingOrders", "activeAccounts", "lastPollAt", "nextBarDueAt", "callsToday",
                "expectedCallsToday", "callsPerMinuteLimit", "totalEquity", "dayPnl", "lastError", "lastCycle")) {
            assertTrue(status.containsKey(key), "status has " + key + ": " + status);
        }
        assertEquals("simulated", status.getString("feed"));
        assertEquals(List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY"),
                status.getJsonArray("subscribedTickers").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(false, status.getBoolean("isRunning"), "the poller is switched off in tests");
        assertTrue(status.isNull("callsPerMinuteLimit"), "the simulated market is not metered");
        assertEquals(0, status.getInt("callsToday"));
        assertTrue(status.isNull("lastCycle"), "no poll cycle ran yet");
        assertEquals(2, new BigDecimal(status.getString("totalEquity")).scale(), "money to the cent, as a string");
        assertEquals(2, new BigDecimal(status.getString("dayPnl")).scale());
        assertTrue(Instant.parse(status.getString("nextBarDueAt")).isAfter(Instant.parse("2020-01-01T00:00:00Z")));
        assertEquals("active", status.getString("role"), "the only server on its database runs the desk");
        assertTrue(Instant.parse(status.getString("activeSince")).isBefore(Instant.now()), status.toString());
        assertTrue(status.getString("node").matches(".+/\\d+"), "host/process: " + status.getString("node"));
    }

    /**
     * The metrics show each account's equity: by default they take a login (401 without, never a redirect to the login
     * page a scraper cannot follow). With one, they report what the database holds, as it holds it.
     */
    @Test
    void metricsTakeALoginAndReportWhatTheDatabaseHolds() throws Exception {
        HttpResponse<String> anonymous = Http.get(base, "/metrics");
        assertEquals(401, anonymous.statusCode());
        assertFalse(anonymous.body().contains("papertrader_"), anonymous.body());

        // read the database before and after the scrape: a catch-up of the desk could trade in between (then read again)
        Scrape scrape = Await.until(() -> {
            Map<String, Long> before = ordersAndFillsStored();
            HttpResponse<String> response = Http.getAsAdmin(base, "/metrics");
            assertEquals(200, response.statusCode());
            return new Scrape(before, Prometheus.samples(response.body()), ordersAndFillsStored());
        }, read -> read.before().equals(read.after()), Duration.ofSeconds(30));
        Map<String, Double> series = scrape.series();
        Map<String, Long> reported = new TreeMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            String name = status.name();
            reported.put(name, series.get("papertrader_orders{status=\"" + name.toLowerCase(Locale.ROOT) + "\"}").longValue());
        }
        reported.put("fills", series.get("papertrader_fills_total").longValue());
        assertEquals(scrape.before(), reported, "the orders by status and the fills, as the database holds them");
        assertEquals(1.0, series.get("papertrader_database_up"));
        assertEquals(1.0, series.get("papertrader_desk_active"), "the only server runs the desk");
        assertEquals(16.0, series.get("papertrader_database_pool_max"));
        assertTrue(series.get("papertrader_database_connections_opened_total") >= 1, "the pool opened its connections");
        assertTrue(series.containsKey("papertrader_live_clients"), series.keySet().toString());
        assertTrue(series.keySet().stream().anyMatch(name -> name.startsWith("papertrader_account_equity{account=")), "equity per account");
    }

    private record Scrape(Map<String, Long> before, Map<String, Double> series, Map<String, Long> after) {
    }

    /** Orders by status (every status, 0 for none) and fills, counted in the database. */
    private static Map<String, Long> ordersAndFillsStored() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status.name(), 0L);
        }
        try (Connection db = ItDatabase.suite(); Statement statement = db.createStatement()) {
            try (ResultSet rows = statement.executeQuery("select status, count(*) from orders group by status")) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("select count(*) from fills")) {
                rows.next();
                counts.put("fills", rows.getLong(1));
            }
        }
        return counts;
    }

    @Test
    void healthIsUpWhenTheDatabaseAnswers() throws Exception {
        HttpResponse<String> response = Http.get(base, "/health");

        assertEquals(200, response.statusCode());
        JsonObject health = Http.json(response);
        assertEquals("UP", health.getString("status"));
        assertEquals("UP", health.getJsonObject("checks").getString("database"));
    }

    @Test
    void overviewPageRendersTheLayoutAndTheStatus() throws Exception {
        HttpResponse<String> response = Http.get(base, "/");

        assertEquals(200, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<title>Overview · Paper Trader</title>"), html);
        for (String nav : List.of(">Overview<", ">Agents<", ">Positions<", ">Orders<", ">Accounts<")) {
            assertTrue(html.contains(nav), "navigation has " + nav);
        }
        assertTrue(html.contains("id=\"status-feed\" data-status=\"feed\">simulated<"), html);
        assertTrue(response.headers().firstValue("Set-Cookie").isEmpty(), "a read-only page view starts no session");
        assertTrue(html.matches("(?s).*<a href=\"/market\" id=\"status-tickers\"\\s+data-status=\"subscribedTickers\" data-format=\"tickers\">"
                + "8 tickers</a>.*"), "the tickers counted, linked to the Market page: " + html);
    }

    @Test
    void marketPageListsSearchesAndPagesTheFollowedTickers() throws Exception {
        HttpResponse<String> all = Http.get(base, "/market");
        assertEquals(200, all.statusCode());
        assertTrue(all.body().contains("8 tickers</span> followed"), all.body());
        for (String ticker : List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY")) {
            assertTrue(all.body().contains("id=\"market-" + ticker + "\""), ticker);
        }

        String searched = Http.get(base, "/market?q=ms").body();
        assertTrue(searched.contains("id=\"market-MSFT\""), searched);
        assertFalse(searched.contains("id=\"market-AAPL\""), "only the tickers containing MS: " + searched);

        String paged = Http.get(base, "/market?size=3&page=2").body();
        assertEquals(List.of("AMZN", "GOOGL", "META"), List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY").stream()
                .filter(ticker -> paged.contains("id=\"market-" + ticker + "\"")).toList(), "the second page of three, in the configured order");
        assertTrue(paged.contains("href=\"/market?page=3&amp;size=3\""), paged);
        assertTrue(paged.contains("href=\"/market?page=1&amp;size=3\""), paged);

        String none = Http.get(base, "/market?q=zz").body();
        assertTrue(none.contains("No followed ticker matches."), none);

        HttpResponse<String> hostile = Http.get(base, "/market?q=%3Cscript%3E");
        assertEquals(400, hostile.statusCode());
        assertTrue(hostile.body().contains("search &#39;&lt;script&gt;&#39; must be part of a ticker symbol"), hostile.body());
        assertFalse(hostile.body().contains("<script>"), "the search is escaped");
    }

    @Test
    void stylesheetIsServed() throws Exception {
        HttpResponse<String> response = Http.get(base, "/static/css/app.css");

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains(".site-header"));
    }
}
