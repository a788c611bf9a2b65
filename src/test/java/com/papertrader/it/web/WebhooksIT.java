package com.papertrader.it.web;

import static com.papertrader.it.web.AdminAgentsIT.agentForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Await;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import com.papertrader.it.WebhookReceiver;
import com.papertrader.it.WebhookReceiver.Received;
import com.papertrader.it.trading.TradingProbe;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Webhooks on a running server, in a database of its own, against a receiver in this JVM: bad webhooks refused at save
 * with the field named; a test delivery and the kill switch's notifications signed (checked here with the secret) and
 * a 500 tried again; a bar event's fills, refusals and a stopped agent told; a receiver that hangs holding none of the
 * bars after it; the delivery log in the API and on the admin page; the secret never shown.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhooksIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String SECRET = "webhooks-it-secret-" + RUN;
    private static final Duration WITHIN = Duration.ofSeconds(60);
    /** In and out of one share on every bar: fills all day. */
    private static final String TRADER = "function scan(bars, ctx) {\n  if (!ctx.position) {\n"
            + "    return { action: \"buy\", qty: 1, reason: \"webhooks-it buy\" };\n  }\n"
            + "  return { action: \"exit\", reason: \"webhooks-it exit\" };\n}\n";
    private static final String FAILING = "function scan(bars, ctx) {\n  throw new Error(\"webhooks-it boom\");\n}\n";

    private static WebhookReceiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(TradingProbe.class, FeedCallsProbe.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "webhooks-it-config.jar")
                        .addAsResource(new StringAsset("config_ordinal=500\n" + ItDatabase.ownDatabase("webhooks-it-" + RUN)
                                        + "webhooks.first-retry-seconds=1\nwebhooks.timeout-seconds=3\n"),
                                "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aBadWebhookIsRefusedAtSaveNamingTheField() throws Exception {
        assertRefused(webhook("bad", "ftp://127.0.0.1/hook", "fill"), "url", "starts with http:// or https://");
        assertRefused(webhook("bad", "not a url", "fill"), "url", "not well formed");
        assertRefused(webhook("self", base.toExternalForm() + "api/kill-switch/engage", "fill"), "url", "points at Paper Trader itself");
        assertRefused(webhook("self", "http://localhost:" + base.getPort() + "/", "fill"), "url", "itself");
        assertRefused(Json.createObjectBuilder(webhook("short", receiver.url("/ok"), "fill")).add("secret", "too-short").build(),
                "secret", "at least 16 characters");
        assertRefused(webhook("unknown", receiver.url("/ok"), "fills"), "events", "There is no notification \"fills\"");
        assertRefused(Json.createObjectBuilder(webhook("none", receiver.url("/ok"), "fill")).add("events", Json.createArrayBuilder()).build(),
                "events", "at least one");
        HttpResponse<String> notJson = Http.postAsAdmin(base, "/api/webhooks", "{", "application/json");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertEquals(401, Http.get(base, "/api/webhooks").statusCode(), "the webhooks are the admin's to read");

        FormClient browser = new FormClient(base);
        assertEquals(302, browser.logIn().statusCode());
        browser.get("/admin/webhooks");
        HttpResponse<String> refused = browser.post("/admin/webhooks", Map.of("name", "form", "url", "gopher://127.0.0.1/",
                "events", "fill", "secret", SECRET, "format", "JSON"));
        assertEquals(400, refused.statusCode());
        assertTrue(AdminAgentsIT.element(refused.body(), "url-error").contains("starts with http:// or https://"), refused.body());
        assertFalse(refused.body().contains(SECRET), "the secret is not sent back");
        assertTrue(receiver.at("/ok").isEmpty(), "nothing was sent anywhere");
    }

    @Test
    void aTestDeliveryAndTheKillSwitchAreSignedAndA500IsTriedAgain() throws Exception {
        JsonObject created = create(webhook("flaky", receiver.url("/flaky"), "kill_switch_engaged", "kill_switch_released"));
        String id = created.getString("id");
        assertEquals(202, Http.postAsAdmin(base, "/api/webhooks/" + id + "/test").statusCode());

        List<Received> attempts = Await.until(() -> receiver.at("/flaky"), received -> received.size() >= 2, WITHIN);
        assertEquals(2, attempts.size(), "answered 500 once, then tried again: " + attempts);
        assertEquals(attempts.get(0).body(), attempts.get(1).body(), "the same delivery");
        assertEquals(attempts.get(0).header("X-PaperTrader-Delivery"), attempts.get(1).header("X-PaperTrader-Delivery"));
        for (Received attempt : attempts) {
            assertSigned(attempt);
            assertEquals("test", attempt.header("X-PaperTrader-Event"));
        }
        JsonObject log = Await.until(() -> deliveries(id), page -> "DELIVERED".equals(oldest(page).getString("status")), WITHIN);
        JsonObject delivery = oldest(log);
        assertEquals("DELIVERED", delivery.getString("status"), log.toString());
        assertEquals(2, delivery.getInt("attempts"));
        assertEquals("HTTP 200", delivery.getString("lastResult"));
        assertEquals(attempts.get(0).header("X-PaperTrader-Delivery"), delivery.getString("id"));

        assertEquals(200, Http.postAsAdmin(base, "/api/kill-switch/engage").statusCode());
        assertEquals(200, Http.postAsAdmin(base, "/api/kill-switch/release").statusCode());
        List<Received> told = Await.until(() -> receiver.at("/flaky"), received -> received.size() >= 4, WITHIN);
        assertEquals(List.of("test", "test", "kill_switch_engaged", "kill_switch_released"),
                told.stream().map(request -> request.header("X-PaperTrader-Event")).sorted(WebhooksIT::inTheOrderSent).toList());
        JsonObject engaged = body(told.stream().filter(request -> request.header("X-PaperTrader-Event").equals("kill_switch_engaged"))
                .findFirst().orElseThrow());
        assertEquals(Http.ADMIN_USER, engaged.getJsonObject("data").getString("engagedBy"));
        assertTrue(engaged.getString("summary").startsWith("Kill switch engaged by admin"), engaged.toString());
        told.forEach(WebhooksIT::assertSigned);

        String page = Http.getAsAdmin(base, "/admin/webhooks/" + id).body();
        assertTrue(AdminAgentsIT.element(page, "deliveries").contains("kill_switch_engaged"), page);
        assertFalse(page.contains(SECRET), "the secret is never shown");
        String list = Http.getAsAdmin(base, "/api/webhooks").body();
        assertTrue(list.contains(id) && !list.contains(SECRET) && !list.contains("/flaky"), "listed by host and port only: " + list);
    }

    @Test
    void aBarEventsTradingIsToldAndAHangingReceiverHoldsUpNoBar() throws Exception {
        FormClient browser = new FormClient(base);
        assertEquals(302, browser.logIn().statusCode());
        browser.get("/admin/agents/new");
        Map<String, String> trader = agentForm("hooked", "Hooked", "AAPL");
        trader.put("script", TRADER);
        assertEquals(302, browser.post("/admin/agents/new", trader).statusCode());
        browser.get("/admin/agents/new");
        Map<String, String> failing = agentForm("failing", "Failing", "AAPL");
        failing.put("script", FAILING);
        assertEquals(302, browser.post("/admin/agents/new", failing).statusCode());
        create(webhook("trading", receiver.url("/trading"), "fill", "order_rejected", "agent_stopped"));

        deliverBars("2026-06-08");
        List<Received> told = Await.until(() -> receiver.at("/trading"), received -> received.stream().anyMatch(request ->
                isAbout(request, "agent_stopped", "failing")) && received.stream().anyMatch(request -> isAbout(request, "fill", "hooked")), WITHIN);
        told.forEach(WebhooksIT::assertSigned);
        JsonObject stopped = body(told.stream().filter(request -> isAbout(request, "agent_stopped", "failing")).findFirst().orElseThrow());
        assertTrue(stopped.getJsonObject("data").getString("lastError").contains("webhooks-it boom"), stopped.toString());
        JsonObject fill = body(told.stream().filter(request -> isAbout(request, "fill", "hooked")).findFirst().orElseThrow());
        assertEquals("AAPL", fill.getJsonObject("data").getString("ticker"));
        assertTrue(fill.getString("summary").matches("Filled (BUY|SELL) 1 AAPL at \\d+\\.\\d+ \\(agent hooked, account hooked\\)"),
                fill.getString("summary"));
        JsonObject order = order(fill.getJsonObject("data").getString("orderId"));
        assertEquals(order.getJsonArray("fills").getJsonObject(0).getString("price"), fill.getJsonObject("data").getString("price"),
                "the fill as the API has it");

        String hanging = create(webhook("hanging", receiver.url("/hang"), "fill")).getString("id");
        deliverBars("2026-06-09");
        Await.until(() -> receiver.at("/hang"), received -> !received.isEmpty(), WITHIN);
        HttpResponse<String> nextDay = Http.postAsAdmin(base, "/api/test-probe/bars?day=2026-06-10");
        assertEquals(200, nextDay.statusCode(), nextDay.body());
        assertEquals(0, receiver.answered("/hang"), "the next bars were traded while the receiver still held its request");
        assertTrue(orders().stream().anyMatch(placed -> placed.getString("barTime").startsWith("2026-06-10")),
                "and their orders stored: " + orders());
        JsonObject timedOut = Await.until(() -> oldest(deliveries(hanging)), delivery -> delivery.getInt("attempts") >= 1, WITHIN);
        assertEquals("no answer within 3 s", timedOut.getString("lastResult"), timedOut.toString());
        assertTrue(List.of("PENDING", "SENDING").contains(timedOut.getString("status")), "to be tried again: " + timedOut);
        assertEquals(204, Http.deleteAsAdmin(base, "/api/webhooks/" + hanging).statusCode(), "and stops being tried once deleted");
    }

    @Test
    void theFeedGoingDownAndComingBackIsTold() throws Exception {
        create(Json.createObjectBuilder(webhook("feed", receiver.url("/feed"), "feed_down", "feed_back")).add("format", "CHAT").build());
        feedCalls("TIMED_OUT", 2);
        feedCalls("RATE_LIMITED", 1);
        feedCalls("ANSWERED", 1);
        feedCalls("REFUSED", 2);
        feedCalls("RATE_LIMITED", 2);
        assertTrue(receiver.at("/feed").isEmpty(), "no streak of three failures yet");
        feedCalls("UNREADABLE", 1);
        feedCalls("TIMED_OUT", 5);
        Await.until(() -> receiver.at("/feed"), received -> !received.isEmpty(), WITHIN); // then back: the two arrive in order
        feedCalls("ANSWERED", 2);

        List<Received> told = Await.until(() -> receiver.at("/feed"), received -> received.size() >= 2, WITHIN);
        assertEquals(List.of("feed_down", "feed_back"), told.stream().map(request -> request.header("X-PaperTrader-Event")).toList(),
                "down once, back once, in that order");
        told.forEach(WebhooksIT::assertSigned);
        JsonObject down = body(told.get(0));
        assertEquals(down.getString("text"), down.getString("content"), "a chat message, for Slack and Discord alike");
        assertTrue(down.getString("text").startsWith(
                "Paper Trader: Market data feed down: calls in a row got no usable answer (the last unreadable"), down.toString());
        assertTrue(body(told.get(1)).getString("text").startsWith("Paper Trader: Market data feed back after "), told.get(1).body());
    }

    private void feedCalls(String outcome, int count) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/test-probe/feed-calls?outcome=" + outcome + "&count=" + count);
        assertEquals(204, response.statusCode(), response.body());
    }

    private static boolean isAbout(Received request, String event, String agent) {
        return event.equals(request.header("X-PaperTrader-Event")) && body(request).getJsonObject("data").getString("agentId").equals(agent);
    }

    private static int inTheOrderSent(String one, String other) {
        List<String> order = List.of("test", "kill_switch_engaged", "kill_switch_released");
        return Integer.compare(order.indexOf(one), order.indexOf(other));
    }

    /** The signature header is the HMAC-SHA256 of "timestamp.body" with the secret, and the timestamp is now. */
    private static void assertSigned(Received request) {
        String timestamp = request.header("X-PaperTrader-Timestamp");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300, "a fresh timestamp: " + timestamp);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + request.body()).getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, request.header("X-PaperTrader-Signature"), "signed with the secret: " + request.body());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        assertEquals("application/json", request.header("Content-Type"));
    }

    private static JsonObject webhook(String name, String url, String... events) {
        return Json.createObjectBuilder().add("name", name).add("url", url).add("events", Json.createArrayBuilder(List.of(events)))
                .add("secret", SECRET).add("format", "JSON").build();
    }

    private JsonObject create(JsonObject webhook) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/webhooks", webhook.toString(), "application/json");
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = Http.json(response);
        assertFalse(response.body().contains(SECRET), "the secret is not answered");
        return created;
    }

    private void assertRefused(JsonObject webhook, String field, String message) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/webhooks", webhook.toString(), "application/json");
        assertEquals(400, response.statusCode(), response.body());
        JsonObject error = Http.json(response);
        assertEquals(field, error.getString("field"), response.body());
        assertTrue(error.getString("error").contains(message), response.body());
    }

    private JsonObject deliveries(String id) throws Exception {
        return Http.json(Http.getAsAdmin(base, "/api/webhooks/" + id + "/deliveries?size=500"));
    }

    /** A page's oldest delivery (they come newest first). */
    private static JsonObject oldest(JsonObject page) {
        return page.getJsonArray("items").isEmpty() ? Json.createObjectBuilder().add("status", "none").add("attempts", 0).build()
                : page.getJsonArray("items").getJsonObject(page.getJsonArray("items").size() - 1);
    }

    private List<JsonObject> orders() throws Exception {
        return Http.json(Http.get(base, "/api/orders?agent=hooked&size=500")).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private JsonObject order(String id) throws Exception {
        return Http.json(Http.get(base, "/api/orders/" + id.replace("|", "%7C")));
    }

    private static JsonObject body(Received request) {
        try (var reader = Json.createReader(new StringReader(request.body()))) {
            return reader.readObject();
        }
    }

    private void deliverBars(String day) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/test-probe/bars?day=" + day);
        assertEquals(200, response.statusCode(), response.body());
    }
}
