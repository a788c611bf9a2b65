package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import com.papertrader.it.trading.TradingProbe;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The agents' admin pages over HTTP as a logged-in browser: compile errors shown beside the script with nothing saved,
 * agents created and changed while the application runs (they trade on the next bars without a restart),
 * pause/enable/delete, account reset, dry runs, names rendered as text, and no 500 for any input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminAgentsIT {

    /** Buys one share whenever it holds none: every bar of AAPL shows whether it is scanned. */
    private static final String BUYER = "function scan(bars, ctx) {\n  if (!ctx.position) {\n"
            + "    return { action: \"buy\", qty: 1, reason: \"admin-it buy\" };\n  }\n}\n";
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    /** NYSE sessions, delivered in this order whatever order the tests run in (older bars than processed are skipped). */
    private static final List<String> DAYS = List.of("2026-06-08", "2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12",
            "2026-06-15", "2026-06-16", "2026-06-17", "2026-06-18");
    private static int delivered;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(TradingProbe.class)
                // Its own SQLite database, new each run, so the agents and accounts it creates change nothing the other
                // tests count; this config source outranks the server's system properties (ordinal 400).
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "admin-it-config.jar")
                        .addAsResource(new StringAsset("config_ordinal=500\n"
                                + ItDatabase.ownDatabase("admin-agents-it-" + RUN)),
                                "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    private FormClient browser;

    @BeforeEach
    void logIn() throws Exception {
        browser = new FormClient(base);
        assertEquals(302, browser.logIn().statusCode());
    }

    @Test
    void aSyntaxErrorIsShownBesideTheScriptAndNothingIsSavedUntilItIsFixed() throws Exception {
        String id = "syntax-" + RUN;
        Map<String, String> form = agentForm(id, "Syntax " + RUN, "AAPL");
        form.put("script", "function scan(bars, ctx) {\n  var x = ;\n}\n");

        browser.get("/admin/agents/new");
        HttpResponse<String> broken = browser.post("/admin/agents/new", form);

        assertEquals(400, broken.statusCode());
        String scriptError = element(broken.body(), "script-error");
        assertTrue(scriptError.contains("class=\"field-error\"") && scriptError.contains("line 2"), scriptError);
        assertTrue(broken.body().contains("  var x = ;"), "the script typed is kept");
        assertTrue(broken.body().contains("value=\"Syntax " + RUN + "\""), "the name typed is kept");
        assertFalse(browser.get("/admin/agents").body().contains("agent-" + id), "nothing was saved");

        form.put("script", BUYER);
        HttpResponse<String> fixed = browser.post("/admin/agents/new", form);
        assertEquals(302, fixed.statusCode(), fixed.body());
        String row = element(browser.get("/admin/agents").body(), "agent-" + id);
        assertTrue(row.contains("ENABLED"), row);

        deliverBars();
        List<JsonObject> orders = Http.json(Http.get(base, "/api/test-probe/state")).getJsonArray("orders")
                .getValuesAs(JsonObject.class).stream().filter(o -> o.getString("id").startsWith(id + "|AAPL|")).toList();
        assertFalse(orders.isEmpty(), "the new agent scanned the next bars without a restart");
        assertTrue(orders.get(0).getString("reason").contains("admin-it buy"), orders.toString());
    }

    @Test
    void anEditRecompilesTheScriptInTheRunningScanner() throws Exception {
        String id = "edited-" + RUN;
        Map<String, String> form = agentForm(id, "Edited " + RUN, "AAPL");
        form.put("script", "function scan(bars, ctx) { return null; }\n");
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", form).statusCode());

        HttpResponse<String> edit = browser.get("/admin/agents/" + id + "/edit");
        assertEquals(200, edit.statusCode());
        assertTrue(edit.body().contains("return null;"), "the form shows the saved script");
        form.remove("id");
        form.put("script", BUYER);
        form.put("name", "Edited twice " + RUN);
        assertEquals(302, browser.post("/admin/agents/" + id + "/edit", form).statusCode());
        assertTrue(element(browser.get("/admin/agents").body(), "agent-" + id).contains("Edited twice " + RUN));

        deliverBars();
        assertTrue(Http.get(base, "/api/test-probe/state").body().contains("\"" + id + "|AAPL|"),
                "the edited script trades at once");
    }

    /** Every saved version of a script is kept; an order's script version links to the exact source that placed it. */
    @Test
    void everySavedScriptIsKeptAndAnOrderLinksToTheSourceThatPlacedIt() throws Exception {
        String id = "versions-" + RUN;
        Map<String, String> form = agentForm(id, "Versions " + RUN, "AAPL");
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", form).statusCode());
        form.remove("id");
        form.put("script", BUYER);
        assertEquals(302, browser.post("/admin/agents/" + id + "/edit", form).statusCode());

        List<JsonObject> versions = Http.json(Http.get(base, "/api/agents/" + id + "/scripts")).getJsonArray("scripts")
                .getValuesAs(JsonObject.class);
        assertEquals(2, versions.size(), versions.toString());
        String current = Http.json(Http.get(base, "/api/agents/" + id)).getString("scriptHash");
        assertEquals(current, versions.get(0).getString("hash"), "newest first");
        String first = versions.get(1).getString("hash");
        assertTrue(Http.json(Http.get(base, "/api/agents/" + id + "/scripts/" + first)).getString("script").contains("return null;"));
        assertTrue(browser.get("/agents/" + id).body().contains("/agents/" + id + "/scripts/" + first), "the agent page lists it");
        assertEquals(404, Http.get(base, "/api/agents/" + id + "/scripts/" + "0".repeat(64)).statusCode());
        assertEquals(404, browser.get("/agents/" + id + "/scripts/" + "0".repeat(64)).statusCode());

        deliverBars();
        JsonObject order = orders(id).get(0);
        assertEquals(current, order.getString("scriptHash"));
        String orderPage = browser.get("/orders/" + URLEncoder.encode(order.getString("id"), StandardCharsets.UTF_8)).body();
        String link = "/agents/" + id + "/scripts/" + current;
        assertTrue(orderPage.contains("href=\"" + link + "\""), "the order links its script version: " + orderPage);
        HttpResponse<String> source = browser.get(link);
        assertEquals(200, source.statusCode());
        assertTrue(element(source.body(), "agent-script").contains("admin-it buy"), source.body());
    }

    /** The daily loss limit and the end-of-day flatten are saved with the agent and shown when it is edited again. */
    @Test
    void theRiskControlsAreSavedAndShownOnTheEditForm() throws Exception {
        String id = "controlled-" + RUN;
        Map<String, String> form = agentForm(id, "Controlled " + RUN, "AAPL");
        form.put("maxDailyLoss", "750.50");
        form.put("flattenMinutesBeforeClose", "15");
        form.put("coolDownAfterLosses", "3");
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", form).statusCode());

        String edit = browser.get("/admin/agents/" + id + "/edit").body();
        assertTrue(Pattern.compile("name=\"maxDailyLoss\"\\s+value=\"750.5\"").matcher(edit).find(), edit);
        assertTrue(Pattern.compile("name=\"flattenMinutesBeforeClose\"\\s+value=\"15\"").matcher(edit).find(), edit);
        assertTrue(Pattern.compile("name=\"coolDownAfterLosses\"\\s+value=\"3\"").matcher(edit).find(), edit);

        form.put("maxDailyLoss", "800");
        form.put("version", version(edit));
        assertEquals(302, browser.post("/admin/agents/" + id + "/edit", form).statusCode());
        List<JsonObject> audited = Http.audited(base, "agent " + id);
        assertEquals(List.of("AGENT_CHANGED", "AGENT_CREATED"), audited.stream().map(entry -> entry.getString("action")).toList());
        assertEquals("maxDailyLoss: 750.5 -> 800", audited.get(0).getString("details"), "the edit says what it changed, only that");
        assertEquals(Http.ADMIN_USER, audited.get(0).getString("user"));
        assertFalse(audited.get(0).getString("address").isBlank(), audited.get(0).toString());
    }

    /** Two admins edit the same agent: the one who saves second, from a form opened before, is refused and told. */
    @Test
    void aFormOpenedBeforeSomeoneElsesChangeCannotUndoIt() throws Exception {
        String id = "two-admins-" + RUN;
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", agentForm(id, "Two admins " + RUN, "AAPL")).statusCode());
        FormClient other = new FormClient(base);
        assertEquals(302, other.logIn().statusCode());

        String mine = version(browser.get("/admin/agents/" + id + "/edit").body());
        String theirs = version(other.get("/admin/agents/" + id + "/edit").body());
        assertEquals(mine, theirs, "both opened the same agent");
        Map<String, String> theirEdit = agentForm(id, "Renamed by the other admin " + RUN, "AAPL");
        theirEdit.put("version", theirs);
        assertEquals(302, other.post("/admin/agents/" + id + "/edit", theirEdit).statusCode());

        Map<String, String> myEdit = agentForm(id, "Renamed by me " + RUN, "MSFT");
        myEdit.put("version", mine);
        HttpResponse<String> refused = browser.post("/admin/agents/" + id + "/edit", myEdit);
        assertEquals(400, refused.statusCode());
        assertTrue(element(refused.body(), "form-error").contains("Someone changed this agent"), refused.body());
        assertTrue(refused.body().contains("value=\"Renamed by me " + RUN + "\""), "my input is kept to copy from");
        String row = element(browser.get("/admin/agents").body(), "agent-" + id);
        assertTrue(row.contains("Renamed by the other admin " + RUN) && row.contains("AAPL"), "their change stands: " + row);

        myEdit.put("version", version(browser.get("/admin/agents/" + id + "/edit").body()));
        HttpResponse<String> again = browser.post("/admin/agents/" + id + "/edit", myEdit);
        assertEquals(302, again.statusCode(), "opened again, it saves: " + again.body());
        assertTrue(element(browser.get("/admin/agents").body(), "agent-" + id).contains("Renamed by me " + RUN));
        myEdit.put("version", "not a number");
        assertTrue(element(browser.post("/admin/agents/" + id + "/edit", myEdit).body(), "version-error").contains("damaged"));
    }

    private static String version(String editPage) {
        Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(editPage);
        assertTrue(version.find(), "the edit form carries the agent's version: " + editPage);
        return version.group(1);
    }

    @Test
    void aNameWithMarkupIsShownAsText() throws Exception {
        String id = "markup-" + RUN;
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", agentForm(id, "<script>alert(1)</script> " + RUN, "MSFT")).statusCode());

        String list = browser.get("/admin/agents").body();

        assertTrue(element(list, "agent-" + id).contains("&lt;script&gt;alert(1)&lt;/script&gt;"), element(list, "agent-" + id));
        assertFalse(list.contains("<script>alert(1)"), "never as markup");
        assertFalse(browser.get("/admin/agents/" + id + "/edit").body().contains("<script>alert(1)"));
    }

    @Test
    void pauseEnableAndDeleteApplyAtOnceAndOnlyWithTheToken() throws Exception {
        String id = "states-" + RUN;
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", agentForm(id, "States " + RUN, "MSFT")).statusCode());

        browser.get("/admin/agents");
        assertEquals(403, browser.postExactly("/admin/agents/" + id + "/pause", Map.of()).statusCode());
        assertEquals(302, new FormClient(base).post("/admin/agents/" + id + "/delete", Map.of()).statusCode(),
                "without a login: sent to the login page");
        assertTrue(state(id).contains("ENABLED"), "neither changed anything");

        assertEquals(302, browser.post("/admin/agents/" + id + "/pause", Map.of()).statusCode());
        assertTrue(state(id).contains("PAUSED"));
        assertEquals(302, browser.post("/admin/agents/" + id + "/enable", Map.of()).statusCode());
        assertTrue(state(id).contains("ENABLED"));
        // Delete asks first: the list links to a page saying what it does, whose form posts the deletion.
        assertTrue(browser.get("/admin/agents").body().contains("href=\"/admin/agents/" + id + "/delete\""));
        HttpResponse<String> confirm = browser.get("/admin/agents/" + id + "/delete");
        assertEquals(200, confirm.statusCode());
        assertTrue(element(confirm.body(), "confirm-consequence").contains("stops it for good and cancels its working orders"), confirm.body());
        assertTrue(confirm.body().contains("action=\"/admin/agents/" + id + "/delete\""), confirm.body());
        assertTrue(state(id).contains("ENABLED"), "asking changed nothing");
        HttpResponse<String> deleted = browser.post("/admin/agents/" + id + "/delete", Map.of());
        assertEquals(302, deleted.statusCode());
        String list = browser.get(URI.create(deleted.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
                + URI.create(deleted.headers().firstValue("Location").orElseThrow()).getRawQuery()).body();
        assertFalse(list.contains("agent-" + id), "deleted");
        assertTrue(list.contains(id + " deleted."), "the list says what was done");
        assertEquals(404, browser.post("/admin/agents/" + id + "/delete", Map.of()).statusCode());
        assertEquals(404, browser.get("/admin/agents/" + id + "/delete").statusCode(), "nothing left to ask about");
        assertEquals(List.of("AGENT_DELETED", "AGENT_ENABLED", "AGENT_PAUSED", "AGENT_CREATED"),
                Http.audited(base, "agent " + id).stream().map(entry -> entry.getString("action")).toList(), "refusals are not actions");
    }

    @Test
    void anAccountWithPositionsCanBeNeitherResetNorItsAgentDeleted() throws Exception {
        deliverBars();
        assertTrue(Http.get(base, "/api/test-probe/state").body().contains("sma-crossover|AAPL"), "the sample agent bought");

        browser.get("/admin/agents");
        HttpResponse<String> delete = browser.post("/admin/agents/sma-crossover/delete", Map.of());
        assertEquals(409, delete.statusCode());
        assertTrue(element(delete.body(), "action-error").contains("open position"), delete.body());
        HttpResponse<String> reset = browser.post("/admin/agents/accounts/sma-crossover/reset", Map.of());
        assertEquals(409, reset.statusCode());
        assertTrue(browser.get("/admin/agents").body().contains("agent-sma-crossover"), "still there");

        String id = "reset-" + RUN;
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", agentForm(id, "Reset " + RUN, "MSFT")).statusCode());
        HttpResponse<String> confirm = browser.get("/admin/agents/accounts/" + id + "/reset");
        assertEquals(200, confirm.statusCode());
        assertTrue(element(confirm.body(), "confirm-consequence").contains("puts its cash back to the starting cash"), confirm.body());
        assertEquals(404, browser.get("/admin/agents/accounts/no-such-account-" + RUN + "/reset").statusCode());
        assertEquals(302, browser.post("/admin/agents/accounts/" + id + "/reset", Map.of()).statusCode());
        JsonObject account = Http.json(Http.get(base, "/api/test-probe/state")).getJsonArray("accounts")
                .getValuesAs(JsonObject.class).stream().filter(a -> a.getString("id").equals(id)).findFirst().orElseThrow();
        assertEquals("100000.00", account.getString("cash"));
    }

    /** The admin cancels a working stop loss and closes a position, from the pages and the API, each recorded as manual. */
    @Test
    void anOrderIsCanceledAndAPositionClosedByHand() throws Exception {
        String id = "manual-" + RUN;
        Map<String, String> form = agentForm(id, "Manual " + RUN, "AAPL");
        form.put("script", BUYER);
        form.put("stopLossPercent", "50");
        browser.get("/admin/agents/new");
        assertEquals(302, browser.post("/admin/agents/new", form).statusCode());
        deliverBars();
        JsonObject stop = orders(id).stream().filter(order -> order.getString("role").equals("STOP_LOSS")
                && order.getString("status").equals("ACCEPTED")).findFirst().orElseThrow(() -> new AssertionError(orders(id)));
        String stopPath = URLEncoder.encode(stop.getString("id"), StandardCharsets.UTF_8);

        assertTrue(browser.get("/orders/" + stopPath).body().contains("id=\"cancel-order\""), "the order page offers the cancel");
        HttpResponse<String> confirm = browser.get("/admin/orders/" + stopPath + "/cancel");
        assertTrue(element(confirm.body(), "confirm-consequence").contains("Cancels what is left of order " + stop.getString("id")), confirm.body());
        assertEquals(302, browser.post("/admin/orders/" + stopPath + "/cancel", Map.of()).statusCode());
        JsonObject canceled = Http.json(Http.get(base, "/api/orders/" + stopPath));
        assertEquals("CANCELED", canceled.getString("status"));
        JsonArray events = canceled.getJsonArray("events");
        assertEquals("canceled: manual: canceled by " + Http.ADMIN_USER, events.getJsonObject(events.size() - 1).getString("cause"));
        HttpResponse<String> again = Http.postAsAdmin(base, "/api/orders/" + stopPath + "/cancel");
        assertEquals(409, again.statusCode());
        assertTrue(Http.json(again).getString("error").contains("is not working"), again.body());

        assertTrue(browser.get("/agents/" + id).body().contains("class=\"close-position\""), "the agent page offers the close");
        HttpResponse<String> close = Http.postAsAdmin(base, "/api/positions/" + id + "/AAPL/close");
        assertEquals(202, close.statusCode(), close.body());
        JsonObject placed = Http.json(close);
        assertEquals("FLATTEN", placed.getString("role"));
        assertEquals("SELL", placed.getString("side"));
        assertEquals("manual: closed by " + Http.ADMIN_USER, placed.getString("reason"));
        HttpResponse<String> twice = browser.post("/admin/positions/" + id + "/AAPL/close", Map.of());
        assertEquals(409, twice.statusCode());
        assertTrue(element(twice.body(), "action-error").contains("working already"), twice.body());
        assertEquals(409, Http.postAsAdmin(base, "/api/positions/" + id + "/MSFT/close").statusCode(), "no MSFT position");

        deliverBars();
        assertEquals("FILLED", Http.json(Http.get(base, "/api/orders/" + URLEncoder.encode(placed.getString("id"),
                StandardCharsets.UTF_8))).getString("status"), "filled at the open of the next bar");
        assertEquals(List.of("ORDER_CANCELED"), Http.audited(base, "order " + stop.getString("id")).stream()
                .map(entry -> entry.getString("action")).toList(), "canceled once through the form; the API's second try was refused");
        List<JsonObject> closed = Http.audited(base, "position AAPL of account " + id);
        assertEquals(1, closed.size(), closed.toString());
        assertEquals("order " + placed.getString("id"), closed.get(0).getString("details"));
    }

    private List<JsonObject> orders(String agent) {
        try {
            return Http.json(Http.get(base, "/api/orders?agent=" + agent + "&size=100")).getJsonArray("items")
                    .getValuesAs(JsonObject.class);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aDryRunShowsTheSignalsOverStoredBarsAndSavesNothing() throws Exception {
        deliverBars();
        String id = "dry-" + RUN;
        Map<String, String> form = agentForm(id, "Dry " + RUN, "AAPL");
        form.put("parameters", "{\"fast\": 10, \"slow\": 30}");
        form.put("script", "function scan(bars, ctx) {\n"
                + "  if (!ctx.position && ctx.crossover(\"sma:\" + ctx.params.fast, \"sma:\" + ctx.params.slow)) {\n"
                + "    return { action: \"buy\", reason: \"fast crossed above slow\" };\n  }\n}\n");
        form.put("action", "dry-run");
        form.put("dryRunTicker", "AAPL");
        form.put("dryRunBars", "60");

        browser.get("/admin/agents/new");
        HttpResponse<String> dryRun = browser.post("/admin/agents/new", form);

        assertEquals(200, dryRun.statusCode(), dryRun.body());
        assertTrue(element(dryRun.body(), "dry-run-summary").contains("60 bars scanned, 1 with signals"), dryRun.body());
        assertTrue(element(dryRun.body(), "dry-run-signals").contains("BUY: fast crossed above slow"), dryRun.body());
        assertFalse(browser.get("/admin/agents").body().contains("agent-" + id), "a dry run saves nothing");

        form.put("dryRunTicker", "nope!");
        HttpResponse<String> badTicker = browser.post("/admin/agents/new", form);
        assertEquals(400, badTicker.statusCode());
        assertTrue(element(badTicker.body(), "dryRunTicker-error").contains("ticker symbol"), badTicker.body());
    }

    @Test
    void everyFieldRefusesBadInputBesideItWithoutA500() throws Exception {
        List<String> fields = List.of("id", "name", "tickers", "parameters", "account", "positionNotional",
                "maxOpenPositions", "stopLossPercent", "takeProfitPercent", "allowPyramiding", "maxDailyLoss",
                "flattenMinutesBeforeClose", "coolDownAfterLosses", "script", "dryRunTicker", "dryRunBars");
        List<String> values = List.of("", "x".repeat(70_000), "日本語 🚀 ünïcödé", "-5", "<script>alert(1)</script>", "0",
                "1e309", "NaN", "{\"a\":", "  ");
        browser.get("/admin/agents/new");
        int n = 0;
        for (String field : fields) {
            for (String value : values) {
                for (String action : List.of("save", "dry-run")) {
                    Map<String, String> form = agentForm("fuzz-" + RUN + "-" + n++, "Fuzz " + RUN + " " + n, "AAPL");
                    form.put("dryRunTicker", "AAPL");
                    form.put("dryRunBars", "5");
                    form.put(field, value);
                    form.put("action", action);
                    HttpResponse<String> response = browser.post("/admin/agents/new", form);
                    String what = field + "=" + (value.length() > 20 ? value.substring(0, 20) + "..." : value) + " " + action;
                    assertTrue(List.of(200, 302, 400).contains(response.statusCode()), what + " -> " + response.statusCode());
                    assertFalse(response.body().contains("<script>alert(1)"), what + " echoed markup");
                    if (response.statusCode() == 400) {
                        assertTrue(response.body().contains("class=\"field-error\""), what + " says what is wrong");
                    }
                }
            }
        }
        HttpResponse<String> negative = browser.post("/admin/agents/new", withField("maxOpenPositions", "-5"));
        assertEquals(400, negative.statusCode());
        assertTrue(element(negative.body(), "maxOpenPositions-error").contains("A whole number"), negative.body());
        assertTrue(negative.body().contains("value=\"-5\""), "the input is kept");
        HttpResponse<String> json = browser.post("/admin/agents/new", withField("parameters", "[1, 2]"));
        assertTrue(element(json.body(), "parameters-error").contains("JSON object"), json.body());
        HttpResponse<String> ticker = browser.post("/admin/agents/new", withField("tickers", "AAPL, 1BAD"));
        assertTrue(element(ticker.body(), "tickers-error").contains("ticker symbols"), ticker.body());
        HttpResponse<String> loss = browser.post("/admin/agents/new", withField("maxDailyLoss", "-5"));
        assertTrue(element(loss.body(), "maxDailyLoss-error").contains("Dollars"), loss.body());
        HttpResponse<String> flatten = browser.post("/admin/agents/new", withField("flattenMinutesBeforeClose", "391"));
        assertTrue(element(flatten.body(), "flattenMinutesBeforeClose-error").contains("At most 390 minutes"), flatten.body());
        HttpResponse<String> coolDown = browser.post("/admin/agents/new", withField("coolDownAfterLosses", "0"));
        assertTrue(element(coolDown.body(), "coolDownAfterLosses-error").contains("At least 1."), coolDown.body());
        HttpResponse<String> empty = browser.post("/admin/agents/new", withField("name", ""));
        assertTrue(element(empty.body(), "name-error").contains("Give the agent a name."), empty.body());
    }

    @Test
    void takenIdsAndNamesAreRefusedBesideTheField() throws Exception {
        browser.get("/admin/agents/new");
        HttpResponse<String> sameId = browser.post("/admin/agents/new", agentForm("sma-crossover", "Another " + RUN, "AAPL"));
        assertEquals(400, sameId.statusCode());
        assertTrue(element(sameId.body(), "id-error").contains("exists already"), sameId.body());
        HttpResponse<String> sameName = browser.post("/admin/agents/new", agentForm("name-" + RUN, "SMA crossover", "AAPL"));
        assertEquals(400, sameName.statusCode());
        assertTrue(element(sameName.body(), "name-error").contains("has this name already"), sameName.body());
    }

    private Map<String, String> withField(String field, String value) {
        Map<String, String> form = agentForm("field-" + RUN, "Field " + RUN, "AAPL");
        form.put(field, value);
        return form;
    }

    /** A valid agent form with a script that never signals (also used by PrivateReadingIT). */
    static Map<String, String> agentForm(String id, String name, String tickers) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", id);
        form.put("name", name);
        form.put("tickers", tickers);
        form.put("parameters", "{}");
        form.put("positionNotional", "1000");
        form.put("maxOpenPositions", "2");
        form.put("stopLossPercent", "");
        form.put("takeProfitPercent", "");
        form.put("script", "function scan(bars, ctx) { return null; }\n");
        form.put("action", "save");
        return form;
    }

    private String state(String id) throws Exception {
        return element(browser.get("/admin/agents").body(), "agent-" + id);
    }

    /** A day of AAPL bars (falling, then rising: the SMA crossover sample buys) stored and traded on. */
    private void deliverBars() throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/test-probe/bars?day=" + DAYS.get(delivered++));
        assertEquals(200, response.statusCode(), response.body());
    }

    /** The element with this id, up to its closing tag (enough for rows, paragraphs and tables; KillSwitchIT uses it too). */
    static String element(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertNotEquals(-1, start, "no element " + id + " in " + html);
        int open = html.lastIndexOf('<', start);
        String tag = html.substring(open + 1, html.indexOf(' ', open));
        int end = html.indexOf("</" + tag + ">", start);
        return html.substring(open, end < 0 ? html.length() : end);
    }
}
