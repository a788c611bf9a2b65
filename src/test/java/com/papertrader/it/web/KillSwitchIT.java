package com.papertrader.it.web;

import static com.papertrader.it.web.AdminAgentsIT.agentForm;
import static com.papertrader.it.web.AdminAgentsIT.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import com.papertrader.it.trading.TradingProbe;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The global kill switch on a running server, in its own database (flattening closes every position, which no other
 * test's agents should feel): engaged from the admin page with every position closed, shown on the Overview and in the
 * API, refusing entries across a bar event until it is released; the refusals counted on the agent's page and API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KillSwitchIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    /** Buys one share whenever it holds none. */
    private static final String BUYER = "function scan(bars, ctx) {\n  if (!ctx.position) {\n"
            + "    return { action: \"buy\", qty: 1, reason: \"kill-switch-it buy\" };\n  }\n}\n";
    private static final Pattern BANNER = Pattern.compile("<p class=\"kill-switch-banner\" id=\"kill-switch-banner\"[^>]*>");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(TradingProbe.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "kill-switch-it-config.jar")
                        .addAsResource(new StringAsset("config_ordinal=500\n"
                                + ItDatabase.ownDatabase("kill-switch-it-" + RUN)),
                                "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @Test
    void engagedFromTheAdminPageItClosesPositionsAndRefusesEntriesUntilReleased() throws Exception {
        FormClient browser = new FormClient(base);
        assertEquals(302, browser.logIn().statusCode());
        browser.get("/admin/agents/new");
        Map<String, String> form = agentForm("halted", "Halted", "AAPL");
        form.put("script", BUYER);
        assertEquals(302, browser.post("/admin/agents/new", form).statusCode());
        deliverBars("2026-06-08");
        assertTrue(orders().stream().anyMatch(order -> order.getString("status").equals("FILLED")), "bought before: " + orders());
        assertTrue(bannerTag().contains("hidden"), "no banner while released");

        assertEquals(302, browser.post("/admin/agents/kill-switch/engage", Map.of("flatten", "true")).statusCode());
        JsonObject engaged = Http.json(Http.get(base, "/api/kill-switch"));
        assertTrue(engaged.getBoolean("engaged"));
        assertTrue(engaged.getBoolean("flattened"));
        assertEquals(Http.ADMIN_USER, engaged.getString("engagedBy"));
        assertTrue(Http.json(Http.get(base, "/api/status")).getBoolean("killSwitchEngaged"));
        assertFalse(bannerTag().contains("hidden"), "the Overview shows it");
        assertTrue(element(Http.get(base, "/").body(), "kill-switch-banner").contains("Kill switch engaged by"));
        assertTrue(element(browser.get("/admin/agents").body(), "kill-switch-state").contains("every open position closed"));
        JsonObject close = orders().stream().filter(order -> order.getString("reason").equals("kill switch: closed by " + Http.ADMIN_USER))
                .findFirst().orElseThrow(() -> new AssertionError("no close: " + orders()));
        HttpResponse<String> again = Http.postAsAdmin(base, "/api/kill-switch/engage");
        assertEquals(409, again.statusCode(), again.body());

        deliverBars("2026-06-09");
        assertEquals("FILLED", order(close.getString("id")).getString("status"), "the close filled at the next open");
        assertTrue(orders().stream().anyMatch(order -> order.getString("status").equals("REJECTED")
                        && order(order.getString("id")).toString().contains("kill switch engaged")),
                "the flat agent's entry is refused: " + orders());
        JsonObject agent = json("/api/agents/halted");
        List<JsonObject> refusals = agent.getJsonArray("refusals").getValuesAs(JsonObject.class);
        assertTrue(refusals.stream().anyMatch(count -> count.getString("rule").equals("kill switch")
                && count.getString("tradingDay").equals("2026-06-09") && count.getString("lastReason").contains("kill switch engaged")),
                "the refusals are counted by day and rule: " + refusals);
        assertEquals(json("/api/orders?agent=halted&status=REJECTED&size=500").getJsonArray("items").size(),
                refusals.stream().mapToLong(count -> count.getJsonNumber("refusals").longValue()).sum(),
                "each refused order counted once (all are kept: fewer than trading.refused-orders-kept)");
        assertTrue(element(Http.get(base, "/agents/halted").body(), "agent-refusals").contains("kill switch"), "and shown on the agent's page");

        assertEquals(302, browser.post("/admin/agents/kill-switch/release", Map.of()).statusCode());
        assertFalse(Http.json(Http.get(base, "/api/kill-switch")).getBoolean("engaged"));
        assertTrue(bannerTag().contains("hidden"), "the banner goes once it is released");
        assertEquals(409, Http.postAsAdmin(base, "/api/kill-switch/release").statusCode());
        long filled = orders().stream().filter(order -> order.getString("status").equals("FILLED")).count();
        deliverBars("2026-06-10");
        assertTrue(orders().stream().filter(order -> order.getString("status").equals("FILLED")).count() > filled,
                "entries are accepted again: " + orders());
    }

    private String bannerTag() throws Exception {
        Matcher tag = BANNER.matcher(Http.get(base, "/").body());
        assertTrue(tag.find(), "the Overview has the banner's element");
        return tag.group();
    }

    private List<JsonObject> orders() {
        return json("/api/orders?agent=halted&size=100").getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private JsonObject order(String id) {
        return json("/api/orders/" + id.replace("|", "%7C"));
    }

    private JsonObject json(String path) {
        try {
            return Http.json(Http.get(base, path));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("GET " + path, e);
        }
    }

    private void deliverBars(String day) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/test-probe/bars?day=" + day);
        assertEquals(200, response.statusCode(), response.body());
    }
}
