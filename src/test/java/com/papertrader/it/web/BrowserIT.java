package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Browser;
import com.papertrader.it.Browser.Width;
import com.papertrader.it.BrowserExtension;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import com.papertrader.it.WebhookReceiver;
import com.papertrader.it.backtest.BacktestProbe;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The pages as a person sees them, in Debian's headless chromium, against the running engine on a fast simulated
 * market (tickers BRWA and BRWB, traded by the sample agents) in a database of its own. One test per page (and one
 * per behaviour): each opens its page at a desktop's width (1,280 px) and a phone's (390 px) and there checks
 * <ul>
 *   <li>what the page is for: its rows, its figures, its charts drawn at their containers' full size with candles,
 *       markers or curves on the canvas (pixels of the series' colours, {@link ChartView});</li>
 *   <li>that it fits the window: no sideways scroll of the page, no table column out of sight ({@link Layout});</li>
 *   <li>that the browser's console has no error and no Content-Security-Policy violation;</li>
 * </ul>
 * and writes a full-page screenshot, target/screenshots/&lt;page&gt;-desktop.png and -phone.png (and, when a test
 * fails, the page it failed on under target/screenshots/failed/).
 * <p>
 * Tests do not depend on each other or on their order: each waits (over the API) for the trading, fills or backtest
 * it shows, logs in or forgets the login itself. Nothing waits by sleeping: every wait is for the very thing then
 * read, and a live table is read in one script (one consistent DOM, never an element a live update replaces).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    /** Unique per run: the browser tests' database lives as long as the unpacked server. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String AGENT = "journey-" + RUN;
    private static final String BROKEN = "function scan(bars, ctx) {\n  var x = ;\n}\n";
    /** Buys at 10:00 and sells at 15:00 New York every session, so its fills are on every chart window. */
    private static final String FIXED = """
            function scan(bars, ctx) {
              var at = ctx.time.hour * 100 + ctx.time.minute;
              if (!ctx.position && at === 1000) { return { action: "buy", qty: 5, reason: "journey buy" }; }
              if (ctx.position && at === 1500) { return { action: "exit", reason: "journey exit" }; }
            }
            """;
    /**
     * The ticker chart's trader: buys at 10:00 and sells at 14:00 every session. The chart shows the newest 500
     * bars (six and a half sessions), so it always shows buys and sells, whatever the sample agents did.
     */
    private static final String CHART_TRADER = "chart-" + RUN;
    private static final String CHART_SCRIPT = """
            function scan(bars, ctx) {
              var at = ctx.time.hour * 100 + ctx.time.minute;
              if (!ctx.position && at === 1000) { return { action: "buy", qty: 10, reason: "chart buy at 10:00" }; }
              if (ctx.position && at === 1400) { return { action: "exit", reason: "chart exit at 14:00" }; }
            }
            """;

    /** The series' colours, as the pages' scripts draw them (static/js/price-chart.js, equity-chart.js, backtest.js). */
    private static final String CANDLE_UP = "#1a7f37";
    private static final String CANDLE_DOWN = "#c62828";
    private static final String BUY_MARKER = "#2196f3";
    private static final String SELL_MARKER = "#e91e63";
    private static final String ACCOUNT_EQUITY = "#2f6fdb";
    private static final String BACKTEST_EQUITY = "#2962ff";
    private static final String BACKTEST_DRAWDOWN = "#c62828";
    /** The comparison's lines, in the order of its legend (static/js/compare-chart.js). */
    private static final String[] COMPARED = {"#2f6fdb", "#c62828", "#1a7f37", "#8e24aa", "#ef6c00", "#00838f", "#6d4c41", "#37474f"};

    /** The sample agent that watches every ticker, so trades BRWA and BRWB here. */
    private static final String RSI = "rsi-mean-reversion";
    private static final String TICKER = "BRWA";
    private static final String BACKTEST_TICKER = "BRWS";

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration TRADING = Duration.ofMinutes(3);

    @RegisterExtension
    static final BrowserExtension BROWSER = new BrowserExtension();

    /** The backtest the backtest pages show: run once, by whichever test needs it first. */
    private static String backtest;
    /** The sweep the sweep page shows: run once, by whichever test needs it first. */
    private static String sweep;
    /** The walk-forward test its page shows: run once. */
    private static String walkForward;
    /** Whether {@link #CHART_TRADER} was added (by whichever test needed it first). */
    private static boolean chartTraderAdded;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(BacktestProbe.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "browser-config.jar")
                        .addAsResource("browser-config.properties", "META-INF/microprofile-config.properties"))
                // a database of its own, new each run: what the browser sees is only what its market traded
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "browser-database.jar")
                        .addAsResource(new StringAsset("config_ordinal=500\n" + ItDatabase.ownDatabase("browser-it-" + RUN)),
                                "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    /** Pauses the agents this run added, so that a later run on the same database is not traded over by them. */
    @AfterAll
    static void pauseThisRunsAgents() throws Exception {
        for (String agent : List.of(AGENT, CHART_TRADER)) {
            Http.postAsAdmin(Deployments.baseUrl(), "/admin/agents/" + agent + "/pause", "", "application/x-www-form-urlencoded");
        }
    }

    // == the pages ==

    @Test
    void overview() {
        browser().forgetCookies();
        look("overview", "/", width -> {
            waitUpTo(PAGE).until(d -> !text("status-last-poll").equals("not yet"));
            assertEquals("2 tickers", text("status-tickers"));
            assertEquals("running", text("status-running"));
        });
    }

    @Test
    void overviewStatusUpdatesLiveWithoutAReload() {
        browser().use(Width.DESKTOP);
        browser().open(url("/"));
        assertEquals("Overview · Paper Trader", page().getTitle());
        page().executeScript("window.sameDocument = true;");
        waitUpTo(PAGE).until(d -> !text("status-last-poll").equals("not yet"));
        String firstDue = text("status-next-bar");

        // Each poll of the simulated market (every few seconds) moves the next bar due on.
        waitUpTo(PAGE).until(d -> !text("status-next-bar").equals(firstDue));
        // and the last poll cycle's line is written from the event as the server writes it
        waitUpTo(PAGE).until(d -> text("status-last-cycle").matches(
                "2 tickers, \\d+ bars?: fetched in \\d+\\.\\d\\d s, stored in \\d+\\.\\d\\d s, traded in \\d+\\.\\d\\d s.*"));
        assertEquals(Boolean.TRUE, page().executeScript("return window.sameDocument === true;"), "updated in place, not reloaded");
        browser().assertConsoleClean("the Overview, live");
    }

    /** The kill switch's banner appears on an open Overview when it is engaged and goes when it is released, without a reload. */
    @Test
    void theKillSwitchBannerComesAndGoesLiveOnTheOverview() throws Exception {
        browser().forgetCookies();
        browser().use(Width.DESKTOP);
        browser().open(url("/"));
        page().executeScript("window.sameDocument = true;");
        assertFalse(page().findElement(By.id("kill-switch-banner")).isDisplayed(), "no banner while released");
        try {
            assertEquals(200, Http.postAsAdmin(base, "/api/kill-switch/engage").statusCode());
            waitUpTo(PAGE).until(d -> d.findElement(By.id("kill-switch-banner")).isDisplayed());
            String banner = text("kill-switch-banner");
            assertTrue(banner.matches("Kill switch engaged by admin at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} ET: no agent opens a position "
                    + "until an admin releases it\\."), banner);
            browser().screenshot("overview-kill-switch-desktop");
        } finally {
            assertEquals(200, Http.postAsAdmin(base, "/api/kill-switch/release").statusCode());
        }
        waitUpTo(PAGE).until(d -> !d.findElement(By.id("kill-switch-banner")).isDisplayed());
        assertEquals(Boolean.TRUE, page().executeScript("return window.sameDocument === true;"), "updated in place, not reloaded");
        browser().assertConsoleClean("the Overview's kill switch banner");
    }

    @Test
    void agents() {
        browser().forgetCookies();
        look("agents", "/agents", width -> {
            List<String> rows = rows("#agents-table");
            for (String name : List.of("Opening range breakout", "RSI mean reversion", "SMA crossover")) {
                assertTrue(rows.stream().anyMatch(row -> row.contains(name) && row.contains("ENABLED")), name + " listed: " + rows);
            }
        });
    }

    @Test
    void anAgent() {
        browser().forgetCookies();
        look("agent", "/agents/" + RSI, width -> {
            assertEquals("RSI mean reversion", text("agent-name"));
            // highlight.js, under the page's CSP, marks the script it highlighted.
            waitUpTo(PAGE).until(d -> "yes".equals(d.findElement(By.id("agent-script")).getDomAttribute("data-highlighted")));
            assertTrue(text("agent-script").contains("function scan(bars, ctx)"));
        });
    }

    @Test
    void orders() {
        awaitApi("orders of the simulated market", () -> !items("/api/orders?size=1").isEmpty());
        browser().forgetCookies();
        look("orders", "/orders", width -> {
            List<String> rows = rows("#orders-table");
            assertTrue(!rows.isEmpty() && rows.size() <= 50, "a page of orders: " + rows.size());
            assertTrue(rows.stream().allMatch(row -> row.contains("BRWA") || row.contains("BRWB")), "the market's orders: " + rows);
        });
    }

    @Test
    void anOrder() {
        String id = awaitApi("a filled order", () -> {
            List<JsonObject> filled = items("/api/orders?status=FILLED&size=1");
            return filled.isEmpty() ? null : filled.get(0).getString("id");
        });
        browser().forgetCookies();
        look("order", "/orders/" + URLEncoder.encode(id, StandardCharsets.UTF_8), width -> {
            assertEquals(id, text("order-id"));
            assertTrue(rows("#order-events").stream().anyMatch(row -> row.contains("FILLED")), "its history ends filled");
            assertTrue(!rows("#order-fills").isEmpty(), "its fills");
        });
    }

    @Test
    void market() {
        awaitApi("bars of both tickers", () -> List.of("BRWA", "BRWB").stream()
                .allMatch(ticker -> Http.json(get("/api/bars/" + ticker + "?limit=1")).getInt("count") == 1));
        browser().forgetCookies();
        look("market", "/market", width -> {
            List<String> rows = rows("#market-table");
            assertEquals(2, rows.size(), "the two followed tickers: " + rows);
            for (String ticker : List.of("BRWA", "BRWB")) {
                assertTrue(rows.stream().anyMatch(row -> row.startsWith(ticker) && row.matches(".*\\d+\\.\\d{2}.*") && !row.contains("no bars")),
                        ticker + " with its last price: " + rows);
            }
            Number tableWidth = (Number) page().executeScript("return document.getElementById('market-table').getBoundingClientRect().width;");
            assertTrue(tableWidth.doubleValue() >= 300, "the table is wide enough to read: " + tableWidth);
        });
        look("market-search", "/market?q=rwb", width -> assertEquals(1, rows("#market-table").size(), "only BRWB"));
    }

    @Test
    void positions() {
        awaitApi("positions", () -> !items("/api/positions?size=1").isEmpty());
        browser().forgetCookies();
        look("positions", "/positions", width -> assertTrue(!rows(".positions-table").isEmpty(), "positions listed"));
    }

    @Test
    void accounts() {
        browser().forgetCookies();
        look("accounts", "/accounts", width -> {
            List<String> rows = rows("#accounts");
            for (String account : List.of("opening-range-breakout", RSI, "sma-crossover")) {
                assertTrue(rows.stream().anyMatch(row -> row.contains(account) && row.contains("$")), account + " listed: " + rows);
            }
        });
    }

    @Test
    void anAccountsEquityCurve() {
        awaitApi("equity points of the RSI agent's account",
                () -> Http.json(get("/api/accounts/" + RSI + "/equity")).getJsonArray("points").size() >= 5);
        browser().forgetCookies();
        look("account", "/accounts/" + RSI, width -> {
            assertEquals(RSI, text("account-id"));
            ChartView chart = drawn("equity-chart", 300, view -> view.pixelsOf(ACCOUNT_EQUITY) >= 150, ACCOUNT_EQUITY);
            assertTrue(Integer.parseInt(attribute("equity-chart", "data-points")) >= 5, chart.toString());
            assertTrue(page().findElement(By.id("account-statistics")).isDisplayed(), "the account's statistics");
            assertTrue(text("account-statistics-trades").matches("\\d+"), text("account-statistics-trades"));
            creditsTradingView();
            List<String> ledger = rows("#ledger");
            // Newest first, so the page's rows may all be trades and dividends; each names its kind and amount.
            String movement = ".*\\b(opening|trade|commission|dividend|split_cash)\\b.*\\$.*";
            assertTrue(!ledger.isEmpty() && ledger.stream().allMatch(row -> row.matches(movement)), "the ledger lists the cash movements: " + ledger);
        });
    }

    /** Every agent's equity overlaid, one line each in its legend's colour, and their statistics in one table. */
    @Test
    void agentsCompared() {
        awaitApi("equity points of the RSI agent's account",
                () -> Http.json(get("/api/accounts/" + RSI + "/equity")).getJsonArray("points").size() >= 5);
        browser().forgetCookies();
        look("compare", "/compare", width -> {
            ChartView chart = drawn("compare-chart", 300, view -> Arrays.stream(COMPARED).mapToLong(view::pixelsOf).sum() >= 150, COMPARED);
            assertTrue(Integer.parseInt(attribute("compare-chart", "data-series")) >= 1, chart.toString());
            List<String> rows = rows("#compare-table");
            assertTrue(rows.stream().anyMatch(row -> row.contains("RSI") && row.contains("%")), "the RSI agent's statistics: " + rows);
            List<WebElement> legend = page().findElements(By.cssSelector("#compare-legend li"));
            assertEquals(rows.size(), legend.size(), "one legend entry a line");
            assertTrue(legend.get(0).isDisplayed());
            creditsTradingView();
        });
    }

    @Test
    void corporateActions() {
        awaitApi("the simulated market's splits and dividends",
                () -> !Http.json(get("/api/corporate-actions")).getJsonArray("corporateActions").isEmpty());
        browser().forgetCookies();
        look("corporate-actions", "/corporate-actions", width -> {
            List<String> rows = rows("#corporate-actions");
            assertTrue(rows.stream().anyMatch(row -> row.contains("dividend") && row.matches(".*\\bBRW[AB]\\b.*")),
                    "the followed tickers' dividends listed: " + rows);
        });
    }

    @Test
    void aTickersCandlesAndFills() {
        addChartTrader();
        awaitApi("a buy and a sell of " + CHART_TRADER + " among the fills of " + TICKER + " in the chart's window", () -> {
            List<JsonObject> markers = markersShown(TICKER, CHART_TRADER);
            return markers.stream().anyMatch(m -> m.getBoolean("buy")) && markers.stream().anyMatch(m -> !m.getBoolean("buy"));
        });
        browser().forgetCookies();
        look("chart", "/chart/" + TICKER, width -> {
            ChartView chart = drawn("price-chart", 300, view -> view.pixelsOf(CANDLE_UP) >= 100 && view.pixelsOf(CANDLE_DOWN) >= 100
                    && view.pixelsOf(BUY_MARKER) >= 10 && view.pixelsOf(SELL_MARKER) >= 10,
                    CANDLE_UP, CANDLE_DOWN, BUY_MARKER, SELL_MARKER);
            assertTrue(Integer.parseInt(attribute("price-chart", "data-markers")) >= 2, chart.toString());
            assertTrue(!rows("#fills").isEmpty(), "the fills listed under the chart");
            creditsTradingView();
        });
    }

    @Test
    void backtests() {
        String id = backtest();
        browser().forgetCookies();
        look("backtests", "/backtests", width -> {
            assertTrue(rows("#backtests").stream().anyMatch(row -> row.contains(RSI) && row.contains(BACKTEST_TICKER) && row.contains("DONE")),
                    "the run listed, done: " + rows("#backtests"));
            assertTrue(page().findElement(By.id("run-" + id)).isDisplayed());
        });
    }

    @Test
    void aBacktestsEquityAndDrawdown() {
        String id = backtest();
        browser().forgetCookies();
        look("backtest", "/backtests/" + id, width -> {
            assertEquals("DONE", text("backtest-status"));
            drawn("equity-chart", 300, view -> view.pixelsOf(BACKTEST_EQUITY) >= 150, BACKTEST_EQUITY);
            drawn("drawdown-chart", 150, view -> view.pixelsOf(BACKTEST_DRAWDOWN) >= 150, BACKTEST_DRAWDOWN);
            assertTrue(!rows("#trades").isEmpty(), "the run's trades");
            assertTrue(!text("stat-trades").equals("0"));
            assertTrue(text("stat-mae").endsWith("%") && text("stat-mfe").endsWith("%"), "excursions measured: " + text("stat-mae"));
            assertTrue(text("stat-turnover").endsWith("×"), text("stat-turnover"));
            creditsTradingView();
        });
    }

    @Test
    void aSweepsHeatmapAndRankedRuns() {
        String id = sweep();
        browser().forgetCookies();
        look("sweep", "/sweeps/" + id, width -> {
            assertEquals("DONE", text("sweep-status"));
            WebElement heatmap = page().findElement(By.id("heatmap"));
            assertTrue(heatmap.getSize().getWidth() >= 200 && heatmap.getSize().getHeight() >= 80,
                    "the heatmap has a usable size: " + heatmap.getSize());
            assertEquals(6, page().findElements(By.cssSelector("#heatmap td a")).size(), "a value in each of its 2 x 3 cells");
            List<String> rows = rows("#sweep-runs");
            assertEquals(6, rows.size(), rows.toString());
            assertTrue(rows.get(0).startsWith("#1 ") && rows.get(5).startsWith("#6 "), "ranked: " + rows);
        });
    }

    @Test
    void aWalkForwardsJoinedCurveAndWindows() {
        String id = walkForward();
        browser().forgetCookies();
        look("walk-forward", "/walk-forwards/" + id, width -> {
            assertEquals("DONE", text("backtest-status"));
            drawn("equity-chart", 300, view -> view.pixelsOf(BACKTEST_EQUITY) >= 150, BACKTEST_EQUITY);
            drawn("drawdown-chart", 150, view -> view.pixelsOf(BACKTEST_DRAWDOWN) >= 50, BACKTEST_DRAWDOWN);
            assertEquals(2, rows("#walk-forward-windows").size(), rows("#walk-forward-windows").toString());
            assertTrue(text("wf-psr").endsWith("%") && text("wf-dsr").endsWith("%"), text("wf-psr") + " " + text("wf-dsr"));
            creditsTradingView();
        });
    }

    @Test
    void aNewSweepsForm() {
        browser().forgetCookies();
        look("sweep-form", "/sweeps/new?agent=sma-crossover", width -> {
            assertTrue(page().findElement(By.id("sweep-form")).isDisplayed());
            assertEquals("{\"fast\":[10],\"slow\":[30]}", page().findElement(By.id("grid")).getDomProperty("value"),
                    "the agent's own parameters to widen");
            assertEquals("Rank by", page().findElement(By.cssSelector("label[for=rankBy]")).getText());
            assertEquals("true", page().findElement(By.id("from")).getDomProperty("required"), "a sweep needs its period");
        });
    }

    @Test
    void aNewWalkForwardsForm() {
        browser().forgetCookies();
        look("walk-forward-form", "/walk-forwards/new?agent=sma-crossover", width -> {
            assertTrue(page().findElement(By.id("walk-forward-form")).isDisplayed());
            assertEquals("{\"fast\":[10],\"slow\":[30]}", page().findElement(By.id("grid")).getDomProperty("value"),
                    "the agent's own parameters to widen");
            assertEquals("Choose by", page().findElement(By.cssSelector("label[for=rankBy]")).getText());
            assertTrue(page().findElement(By.id("inSampleDays")).isDisplayed() && page().findElement(By.id("outOfSampleDays")).isDisplayed());
            assertEquals("AAPL, MSFT, SPY", page().findElement(By.id("tickers")).getDomProperty("value"), "the agent's own tickers");
        });
    }

    @Test
    void aNewBacktestsForm() {
        browser().forgetCookies();
        look("backtest-form", "/backtests/new?agent=sma-crossover", width -> {
            assertTrue(page().findElement(By.id("backtest-form")).isDisplayed());
            assertEquals("AAPL, MSFT, SPY", page().findElement(By.id("tickers")).getDomProperty("value"), "the agent's own tickers");
            assertEquals("false", page().findElement(By.id("from")).getDomProperty("required"), "the bars may come from a file instead");
        });
    }

    @Test
    void login() {
        browser().forgetCookies();
        look("login", "/login", width -> {
            assertTrue(page().findElement(By.id("login-form")).isDisplayed());
            assertTrue(page().findElement(By.id("login-submit")).isDisplayed());
        });
    }

    @Test
    void adminAgents() {
        logIn();
        look("admin-agents", "/admin/agents", width -> {
            assertEquals(Http.ADMIN_USER, text("session-user"));
            List<String> rows = rows("#admin-agents");
            for (String id : List.of("opening-range-breakout", RSI, "sma-crossover")) {
                assertTrue(rows.stream().anyMatch(row -> row.contains(id) && row.contains("Edit")), id + " listed with its actions: " + rows);
            }
        });
    }

    @Test
    void anAgentsForm() {
        logIn();
        look("agent-form", "/admin/agents/sma-crossover/edit", width -> {
            assertEquals("Edit agent sma-crossover", page().findElement(By.tagName("h1")).getText());
            assertTrue(page().findElement(By.id("script")).getDomProperty("value").contains("function scan(bars, ctx)"));
        });
    }

    /**
     * Add a webhook through the form (choosing its notifications), send it a test from its row, and read the delivery
     * in its log; the secret never shows.
     */
    @Test
    void webhooks() throws Exception {
        String secret = "browser-webhook-secret-" + RUN;
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            logIn();
            page().get(url("/admin/webhooks"));
            fill("webhook-name", "browser alerts");
            fill("webhook-url", receiver.url("/browser"));
            click("event-fill"); // checked for a new webhook: this one wants only the kill switch
            click("event-kill_switch_engaged");
            fill("webhook-secret", secret);
            click("webhook-save");
            waitUpTo(PAGE).until(d -> !d.findElements(By.id("notice")).isEmpty());
            String id = text("notice").replaceAll("^Webhook (w[0-9a-f]{12}) saved.*$", "$1");
            click("test-" + id);
            waitUpTo(PAGE).until(d -> !receiver.at("/browser").isEmpty());
            try {
                look("admin-webhooks", "/admin/webhooks", width -> {
                    List<String> rows = rows("#webhooks");
                    assertTrue(rows.stream().anyMatch(row -> row.contains("browser alerts") && row.contains("kill_switch_engaged")
                            && row.contains("/…") && !row.contains("/browser")), "listed by host and port: " + rows);
                    assertTrue(page().findElement(By.id("webhook-form")).isDisplayed());
                    assertFalse(page().getPageSource().contains(secret));
                });
                look("webhook-deliveries", "/admin/webhooks/" + id, width -> {
                    List<String> rows = waitUpTo(PAGE).until(d -> {
                        List<String> delivered = rows("#deliveries");
                        if (delivered.stream().anyMatch(row -> row.contains("DELIVERED"))) {
                            return delivered;
                        }
                        d.navigate().refresh();
                        return null;
                    });
                    assertTrue(rows.get(0).contains("test") && rows.get(0).contains("HTTP 200"), rows.toString());
                });
            } finally {
                assertEquals(204, Http.deleteAsAdmin(base, "/api/webhooks/" + id).statusCode());
            }
        }
    }

    // == a user's first agent ==

    /**
     * Log in, save a script with a syntax error (shown with its line, nothing saved), fix it, pause and enable the
     * agent, watch its order and fill arrive on an Overview opened beforehand (no reload), and see the fill marked on
     * the ticker's chart.
     */
    @Test
    void createFixEnableTradeAndChart() {
        try {
            journey(page());
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nThe browser was at " + browser().describe(), e);
        }
    }

    private void journey(ChromeDriver page) {
        browser().use(Width.DESKTOP);
        browser().open(url("/"));
        page.executeScript(RECORD_LIVE_ROWS);
        String overview = page.getWindowHandle();

        page.switchTo().newWindow(WindowType.TAB);
        try {
            logIn();
            page.get(url("/admin/agents/new"));
            fill("id", AGENT);
            fill("name", "Journey <b>buyer</b> " + RUN);
            fill("tickers", TICKER);
            fill("script", BROKEN);
            page.findElement(By.id("save")).click();
            String error = waitUpTo(PAGE).until(d -> d.findElement(By.id("script-error"))).getText();
            assertTrue(error.contains("line 2"), "the syntax error names its line: " + error);
            assertEquals(BROKEN.strip(), page.findElement(By.id("script")).getDomProperty("value").strip(), "the script typed is kept");
            assertEquals(404, get("/api/agents/" + AGENT).statusCode(), "nothing was saved");
            // The refused form answers 400 (chromium logs that as an error); nothing else may be in the console.
            List<String> problems = browser().consoleProblems();
            assertTrue(problems.stream().allMatch(problem -> problem.contains("/admin/agents/new") && problem.contains("400")),
                    "only the refused form's 400 in the console: " + problems);

            fill("script", FIXED);
            page.findElement(By.id("save")).click();
            click("pause-" + AGENT);
            click("enable-" + AGENT);
            waitUpTo(PAGE).until(d -> !d.findElements(By.id("pause-" + AGENT)).isEmpty());
            assertTrue(page.findElement(By.id("agent-" + AGENT)).getText().contains("ENABLED"));
            assertTrue(page.getPageSource().contains("Journey &lt;b&gt;buyer&lt;/b&gt; " + RUN), "the name is text, not markup");
        } finally {
            page.close();
            page.switchTo().window(overview);
        }

        // What the Overview's live tables showed since it was opened (a newer order may push a row out again soon).
        waitUpTo(TRADING).until(d -> liveRowsShown().stream().anyMatch(row -> row.startsWith("latest-orders:") && row.contains(AGENT)
                && row.contains("journey buy")));
        waitUpTo(TRADING).until(d -> liveRowsShown().stream().anyMatch(row -> row.startsWith("latest-fills:") && row.contains(AGENT)
                && row.contains("buy")));
        assertEquals(Boolean.TRUE, page.executeScript("return window.sameDocument === true;"), "arrived live, without a reload");
        browser().assertConsoleClean("the Overview while the journey's order arrived");

        browser().open(url("/chart/" + TICKER + "?agent=" + AGENT));
        ChartView chart = drawn("price-chart", 300, view -> view.pixelsOf(CANDLE_UP) >= 100 && view.pixelsOf(BUY_MARKER) >= 10,
                CANDLE_UP, CANDLE_DOWN, BUY_MARKER);
        assertTrue(Integer.parseInt(attribute("price-chart", "data-markers")) >= 1, "the agent's fill is marked on the chart: " + chart);
        browser().assertConsoleClean("the journey's chart");
        browser().screenshot("journey-chart-desktop");
    }

    /**
     * Run in the Overview: notes the text of every row its live tables show, now and at each change (a
     * MutationObserver runs after live.js has filled a row), in window.liveRowsShown as "table-id: text".
     */
    private static final String RECORD_LIVE_ROWS = """
            window.sameDocument = true;
            window.liveRowsShown = new Set();
            const note = () => document.querySelectorAll('#latest-orders tbody tr, #latest-fills tbody tr').forEach(row =>
                    window.liveRowsShown.add(row.closest('table').id + ': '
                            + Array.from(row.cells).map(cell => cell.textContent.trim()).join(' ')));
            note();
            const observer = new MutationObserver(note);
            document.querySelectorAll('#latest-orders tbody, #latest-fills tbody')
                    .forEach(body => observer.observe(body, {childList: true, subtree: true, characterData: true}));
            """;

    @SuppressWarnings("unchecked")
    private List<String> liveRowsShown() {
        return (List<String>) page().executeScript("return Array.from(window.liveRowsShown);");
    }

    // == looking at a page ==

    /**
     * Opens the page at each width; there {@code sees} waits for and checks what it shows; then the page must fit the
     * window and the console be clean, and the screenshot is written (also when a check fails).
     */
    private void look(String name, String path, Consumer<Width> sees) {
        for (Width width : Width.values()) {
            browser().use(width);
            browser().open(url(path));
            AssertionError failure = null;
            try {
                sees.accept(width);
                List<String> problems = Layout.problems(page());
                assertEquals(List.of(), problems, name + " at " + width + " fits its window");
                browser().assertConsoleClean(name + " at " + width);
            } catch (RuntimeException | AssertionError e) {
                failure = new AssertionError(name + " at " + width + ": " + e.getMessage(), e);
            }
            try {
                browser().screenshot(name + "-" + width.label);
            } catch (RuntimeException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
            if (failure != null) {
                throw failure;
            }
        }
        browser().use(Width.DESKTOP);
    }

    /**
     * Waits until the chart in the container is drawn (data-ready) and shows what {@code shows} asks of its pixels,
     * then checks that it has a usable size (at least minHeight px high, as wide as its parent) and that its canvases
     * fill it. Returns the last measure.
     */
    private ChartView drawn(String id, double minHeight, Predicate<ChartView> shows, String... colours) {
        ChartView[] last = new ChartView[1];
        try {
            waitUpTo(PAGE).until(d -> {
                last[0] = ChartView.measure(page(), id, colours);
                return last[0] != null && (last[0].error() != null || last[0].ready() && shows.test(last[0]));
            });
        } catch (RuntimeException e) {
            throw new AssertionError("#" + id + " never showed its data: " + last[0], e);
        }
        ChartView chart = last[0];
        System.out.println(page().getCurrentUrl() + " #" + id + ": " + chart);
        assertEquals(null, chart.error(), "#" + id + " loaded its data");
        assertTrue(chart.sized(minHeight), "#" + id + " is at least " + minHeight + " px high and as wide as its parent: " + chart);
        assertTrue(chart.canvasesFill(), "#" + id + "'s canvases fill it: " + chart);
        return chart;
    }

    private void creditsTradingView() {
        WebElement credit = page().findElement(By.cssSelector("#chart-credit a"));
        assertEquals("https://www.tradingview.com/", credit.getDomAttribute("href"));
        assertTrue(credit.isDisplayed());
    }

    /** The text of each row of the table(s) matching the CSS selector, read in one script (one consistent DOM). */
    @SuppressWarnings("unchecked")
    private List<String> rows(String table) {
        return (List<String>) page().executeScript(
                "return Array.from(document.querySelectorAll(arguments[0] + ' tbody tr'))"
                        + ".map(row => row.innerText.replace(/\\s+/g, ' ').trim());", table);
    }

    private String text(String id) {
        return page().findElement(By.id(id)).getText();
    }

    private String attribute(String id, String name) {
        return page().findElement(By.id(id)).getDomAttribute(name);
    }

    private void logIn() {
        browser().use(Width.DESKTOP);
        browser().forgetCookies();
        page().get(url("/login"));
        fill("username", Http.ADMIN_USER);
        fill("password", Http.ADMIN_PASSWORD);
        page().findElement(By.id("login-submit")).click();
        waitUpTo(PAGE).until(d -> d.findElements(By.id("nav-admin")).size() == 1);
    }

    /** Clicks a button once the page showing it has loaded (each admin action answers with the list). */
    private void click(String id) {
        waitUpTo(PAGE).until(d -> !d.findElements(By.id(id)).isEmpty());
        page().findElement(By.id(id)).click();
    }

    private void fill(String id, String text) {
        WebElement field = page().findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    // == what the tests wait for, over the API ==

    /** Adds {@link #CHART_TRADER} through the admin form (once), to trade {@value #TICKER} every session. */
    private synchronized void addChartTrader() {
        if (chartTraderAdded) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", CHART_TRADER);
        form.put("name", "Chart trader " + RUN);
        form.put("tickers", TICKER);
        form.put("parameters", "{}");
        form.put("positionNotional", "100000");
        form.put("maxOpenPositions", "1");
        form.put("stopLossPercent", "");
        form.put("takeProfitPercent", "");
        form.put("script", CHART_SCRIPT);
        form.put("action", "save");
        try {
            FormClient admin = new FormClient(base);
            assertEquals(302, admin.logIn().statusCode(), "the admin logs in");
            admin.get("/admin/agents/new");
            HttpResponse<String> saved = admin.post("/admin/agents/new", form);
            assertEquals(302, saved.statusCode(), saved.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        chartTraderAdded = true;
    }

    /**
     * The backtest the backtest pages show: the RSI agent over three days of a rising wave of {@value #BACKTEST_TICKER}
     * bars uploaded as a CSV file (the form's way, as the admin over HTTP Basic); run once, waited for until done.
     */
    /** A sweep of the RSI agent over 2 x 3 parameter values on a stored day of BRWP: run once, by the test that needs it. */
    private synchronized String sweep() {
        if (sweep == null) {
            String day = "2026-06-25";
            assertEquals(200, postAsAdmin("/api/backtest-probe/bars?ticker=BRWP&day=" + day + "&live=false", "", "application/json")
                    .statusCode());
            HttpResponse<String> created = postAsAdmin("/api/sweeps", """
                    {"agentId": "%s", "tickers": "BRWP", "from": "%s", "to": "%s", "startingCash": "10000",
                     "grid": {"exitAbove": [50, 60, 70], "oversold": [20, 30]}}
                    """.formatted(RSI, day, day), "application/json");
            assertEquals(202, created.statusCode(), created.body());
            String id = Http.json(created).getString("id");
            String status = awaitApi("sweep " + id + " to end", () -> {
                String now = Http.json(get("/api/sweeps/" + id)).getString("status");
                return now.equals("QUEUED") || now.equals("RUNNING") ? null : now;
            });
            assertEquals("DONE", status);
            sweep = id;
        }
        return sweep;
    }

    /** A walk-forward test of the RSI agent over four stored days of BRWF, two in sample and one out: run once. */
    private synchronized String walkForward() {
        if (walkForward == null) {
            List<String> days = List.of("2026-06-29", "2026-06-30", "2026-07-01", "2026-07-02");
            for (String day : days) {
                assertEquals(200, postAsAdmin("/api/backtest-probe/bars?ticker=BRWF&day=" + day + "&live=false", "", "application/json")
                        .statusCode());
            }
            HttpResponse<String> created = postAsAdmin("/api/walk-forwards", """
                    {"agentId": "%s", "tickers": "BRWF", "from": "%s", "to": "%s", "startingCash": "10000",
                     "grid": {"exitAbove": [50, 60, 70]}, "rankBy": "totalReturn", "inSampleDays": 2, "outOfSampleDays": 1}
                    """.formatted(RSI, days.get(0), days.get(3)), "application/json");
            assertEquals(202, created.statusCode(), created.body());
            String id = Http.json(created).getString("id");
            String status = awaitApi("walk-forward " + id + " to end", () -> {
                String now = Http.json(get("/api/walk-forwards/" + id)).getString("status");
                return now.equals("QUEUED") || now.equals("RUNNING") ? null : now;
            });
            assertEquals("DONE", status);
            walkForward = id;
        }
        return walkForward;
    }

    private synchronized String backtest() {
        if (backtest == null) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("agentId", RSI);
            fields.put("tickers", BACKTEST_TICKER);
            fields.put("from", "");
            fields.put("to", "");
            fields.put("startingCash", "10000");
            String[] multipart = Http.multipart(fields, "csv", "wave.csv", waveCsv());
            HttpResponse<String> created = postAsAdmin("/backtests", multipart[1], multipart[0]);
            assertEquals(302, created.statusCode(), created.body());
            String location = created.headers().firstValue("Location").orElseThrow();
            String id = location.substring(location.lastIndexOf('/') + 1);
            String status = awaitApi("backtest " + id + " to finish", () -> {
                String now = Http.json(get("/api/backtests/" + id)).getString("status");
                return now.equals("QUEUED") || now.equals("RUNNING") ? null : now;
            });
            assertEquals("DONE", status);
            backtest = id;
        }
        return backtest;
    }

    /**
     * Three sessions (2026-03-02 to 04) of five-minute bars: a wave of 36 bars (±1.2) on a slow rise, so the RSI
     * agent buys the dips and sells the recoveries, and the equity curve and drawdown have a shape to draw.
     */
    private static String waveCsv() {
        StringBuilder csv = new StringBuilder("ticker,t,o,h,l,c,v\n");
        double close = 50.00;
        int bar = 0;
        for (LocalDate day = LocalDate.of(2026, 3, 2); day.isBefore(LocalDate.of(2026, 3, 5)); day = day.plusDays(1)) {
            Instant open = day.atTime(LocalTime.of(9, 30)).atZone(ZoneId.of("America/New_York")).toInstant();
            for (int i = 0; i < 78; i++, bar++) {
                double o = close;
                close = Math.round((50 + 0.01 * bar + 1.2 * Math.sin(2 * Math.PI * bar / 36.0)) * 100) / 100.0;
                csv.append(String.format(Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%.2f,10000%n", BACKTEST_TICKER,
                        open.plus(Duration.ofMinutes(5L * i)).toEpochMilli(), o, Math.max(o, close) + 0.02, Math.min(o, close) - 0.02, close));
            }
        }
        return csv.toString();
    }

    /** The fills of the ticker (of one agent, or all with "") within the bars the chart shows: the newest 500. */
    private List<JsonObject> markersShown(String ticker, String agent) {
        List<JsonObject> bars = Http.json(get("/api/bars/" + ticker)).getJsonArray("bars").getValuesAs(JsonObject.class);
        if (bars.isEmpty()) {
            return List.of();
        }
        String from = bars.get(0).getString("time");
        String to = Instant.parse(bars.get(bars.size() - 1).getString("time")).plusMillis(1).toString();
        return Http.json(get("/api/bars/" + ticker + "/markers?agent=" + agent + "&from=" + from + "&to=" + to))
                .getJsonArray("markers").getValuesAs(JsonObject.class);
    }

    private List<JsonObject> items(String path) {
        return Http.json(get(path)).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    /** Polls the API until the supplier gives a value (not null, not false); fails after {@link #TRADING}. */
    private static <T> T awaitApi(String what, Supplier<T> value) {
        return new FluentWait<>(what).withTimeout(TRADING).pollingEvery(Duration.ofMillis(500))
                .withMessage(() -> "waited " + TRADING.toSeconds() + " s for " + what)
                .until(ignored -> value.get());
    }

    private HttpResponse<String> get(String path) {
        try {
            return Http.get(base, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> postAsAdmin(String path, String body, String contentType) {
        try {
            return Http.postAsAdmin(base, path, body, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private org.openqa.selenium.support.ui.WebDriverWait waitUpTo(Duration timeout) {
        return browser().waitUpTo(timeout);
    }

    private static Browser browser() {
        return BROWSER.browser();
    }

    private static ChromeDriver page() {
        return browser().driver();
    }

    private String url(String path) {
        return base.toExternalForm().replaceAll("/$", "") + path;
    }
}
