package com.papertrader.it.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.LiveEvents;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bars in, paper trades out, through the deployed WAR: the sample agents loaded on first start scan the bars, the
 * broker fills their orders, everything is persisted; the same bars again place nothing; after a redeploy the
 * broker is rebuilt from the database and the state is the same.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TradingFlowIT {

    private static final String APP = "trading";
    private static final URL BASE = Deployments.baseUrl();

    @Deployment(name = APP, managed = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(TradingProbe.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void barsBecomeTradesThatSurviveARedeployAndAreNeverPlacedTwice() throws Exception {
        deployer.deploy(APP);
        try {
            JsonObject status = Http.json(Http.get(BASE, "/api/status"));
            assertEquals(4, status.getInt("activeAgents"), "the four sample agents of agents/ were loaded on first start");

            JsonObject traded;
            try (LiveEvents live = LiveEvents.subscribe(BASE)) {
                assertTrue(live.await("status", s -> s.getInt("activeAgents") == 4, Duration.ofSeconds(10)).isPresent(),
                        "a new subscriber gets the status at once");
                post("/api/test-probe/bars?day=2026-06-10");
                traded = state();
                JsonObject filled = ordersOf(traded, "sma-crossover|AAPL|").stream()
                        .filter(o -> o.getString("status").equals("FILLED")).findFirst().orElseThrow();
                JsonObject trading = live.await("trading", t -> t.getJsonArray("orders").getValuesAs(JsonObject.class).stream()
                        .anyMatch(o -> o.getString("id").equals(filled.getString("id")) && o.getString("status").equals("FILLED")),
                        Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("the saved order went out to live pages: "
                        + filled + "; received: " + live)).data();
                assertTrue(trading.getJsonArray("fills").getValuesAs(JsonObject.class).stream()
                        .anyMatch(f -> f.getString("orderId").equals(filled.getString("id"))), "with its fill: " + trading);
            }
            List<JsonObject> smaOrders = ordersOf(traded, "sma-crossover|AAPL|");
            assertFalse(smaOrders.isEmpty(), "the SMA crossover agent bought: " + traded);
            JsonObject entry = smaOrders.stream().filter(o -> o.getString("id").endsWith("|0")).findFirst().orElseThrow();
            assertEquals("FILLED", entry.getString("status"));
            assertTrue(entry.getString("reason").contains("SMA 10 crossed above SMA 30"), entry.toString());
            assertTrue(traded.getJsonArray("positions").getValuesAs(JsonObject.class).stream()
                    .anyMatch(p -> p.getString("id").contains("sma-crossover") && p.getBoolean("open")), traded.toString());

            post("/api/test-probe/bars?day=2026-06-10");
            assertEquals(traded, state(), "the same bars delivered again change nothing");

            deployer.undeploy(APP);
            deployer.deploy(APP);
            assertEquals(traded, state(), "after a redeploy the state is what the database held");
            assertEquals(4, Http.json(Http.get(BASE, "/api/status")).getInt("activeAccounts"), "each sample agent's account");

            // The restored broker carries on: the working orders' events continue their saved history.
            post("/api/test-probe/bars?day=2026-06-11");
            JsonObject next = state();
            for (JsonObject order : next.getJsonArray("orders").getValuesAs(JsonObject.class)) {
                assertEventChain(order);
            }
            assertTrue(next.getJsonArray("orders").getValuesAs(JsonObject.class).stream()
                    .anyMatch(o -> o.getJsonArray("events").size() > eventsOf(traded, o.getString("id"))
                            && eventsOf(traded, o.getString("id")) > 0), "an order restored as working moved on: " + next);
        } finally {
            deployer.undeploy(APP);
        }
    }

    /** Events numbered 1..n, each starting from the status the one before it ended in. */
    private static void assertEventChain(JsonObject order) {
        List<String> events = order.getJsonArray("events").getValuesAs(jakarta.json.JsonString::getString);
        String previous = "null";
        for (int i = 0; i < events.size(); i++) {
            String[] event = events.get(i).split("[:>]");
            assertEquals(String.valueOf(i + 1), event[0], order.toString());
            assertEquals(previous, event[1], "each event starts where the last ended: " + order);
            previous = event[2];
        }
        assertEquals(order.getString("status"), previous, order.toString());
    }

    private static int eventsOf(JsonObject state, String orderId) {
        return state.getJsonArray("orders").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("id").equals(orderId))
                .mapToInt(o -> o.getJsonArray("events").size()).findFirst().orElse(0);
    }

    private static List<JsonObject> ordersOf(JsonObject state, String prefix) {
        return state.getJsonArray("orders").getValuesAs(JsonObject.class).stream()
                .filter(order -> order.getString("id").startsWith(prefix))
                .toList();
    }

    private static JsonObject state() throws Exception {
        return Http.json(Http.get(BASE, "/api/test-probe/state"));
    }

    /** Changes need the admin role: the test server's admin credentials, over HTTP Basic. */
    private static void post(String path) throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(BASE, path);
        assertEquals(200, response.statusCode(), response.body());
    }
}
