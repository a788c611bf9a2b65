package com.papertrader.it.corporate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
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
 * A 4-for-1 split and a dividend of a ticker an agent holds, through the real engine ({@link CorporateActionsProbe}, in
 * a database of its own): the position, its stop, the chart's bars and the equity curve stay continuous, the dividend
 * reaches the cash, and the ledger sums to it. By hand: bought 10 at 202.50 (cost 2,025.00); marked Monday at 209.75;
 * Tuesday 40 shares at 50.6250, stop 47.5000; dividend 40 x 0.10 = 4.00; Tuesday's last close 54.9375: market value
 * 2,197.50, cash 100,000 - 2,025.00 + 4.00 = 97,979.00, equity 100,176.50.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CorporateActionsIT {

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String AGENT = CorporateActionsProbe.AGENT;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addClasses(CorporateActionsProbe.class)
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "corporate-actions-config.jar")
                        .addAsResource(new StringAsset("config_ordinal=500\n"
                                        + ItDatabase.ownDatabase("corporate-actions-it-" + RUN)),
                                "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void traded() throws Exception {
        HttpResponse<String> response = Http.postAsAdmin(base, "/api/corporate-actions-probe/trade");
        assertEquals(204, response.statusCode(), response.body());
    }

    @Test
    void thePositionAndItsStopAreOnTheNewBasisAndTheEquityIsContinuous() throws Exception {
        JsonObject position = ok("/api/positions?agent=" + AGENT).getJsonArray("items").getJsonObject(0);
        assertEquals(40, position.getInt("quantity"));
        assertEquals("50.6250", position.getString("averagePrice"));
        assertEquals("2197.50", position.getString("marketValue"));

        JsonObject stop = ok("/api/orders?agent=" + AGENT).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(order -> order.getString("role").equals("STOP_LOSS")).findFirst().orElseThrow();
        assertEquals(40, stop.getInt("quantity"));
        assertEquals("47.5000", stop.getString("stopPrice"));
        JsonObject detail = ok("/api/orders/" + stop.getString("id").replace("|", "%7C"));
        assertTrue(detail.getJsonArray("events").getValuesAs(JsonObject.class).stream().anyMatch(event -> event.getString("cause")
                .equals("adjusted for the 4-for-1 split of SPLT on 2026-06-09: 10 shares, stop 190.0000 -> 40 shares, stop 47.5000")),
                detail.toString());

        JsonObject account = ok("/api/accounts/" + AGENT);
        assertEquals("97979.00", account.getString("cash"));
        assertEquals("100176.50", account.getString("equity"));
        List<BigDecimal> curve = ok("/api/accounts/" + AGENT + "/equity").getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .map(point -> new BigDecimal(point.getString("equity"))).toList();
        for (int i = 1; i < curve.size(); i++) {
            assertTrue(curve.get(i).subtract(curve.get(i - 1)).abs().compareTo(new BigDecimal("50")) < 0,
                    "no jump in the equity curve: " + curve);
        }
    }

    @Test
    void theChartsBarsAreContinuousAcrossTheSplit() throws Exception {
        List<JsonObject> bars = ok("/api/bars/SPLT?limit=40").getJsonArray("bars").getValuesAs(JsonObject.class);
        assertEquals(40, bars.size());
        assertEquals("52.4375", bars.get(19).getString("close"), "Monday's last close 209.75, on the new basis");
        assertEquals("40000", bars.get(19).getString("volume"), "10,000 shares then are 40,000 now");
        assertEquals("52.50", bars.get(20).getString("open"), "Tuesday's first open, as traded");
        assertEquals(200, Http.get(base, "/chart/SPLT").statusCode());
    }

    @Test
    void theDividendReachesTheCashAndTheLedgerSumsToIt() throws Exception {
        List<JsonObject> ledger = ok("/api/accounts/" + AGENT + "/ledger").getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of("DIVIDEND", "TRADE", "OPENING"), ledger.stream().map(entry -> entry.getString("kind")).toList());
        assertEquals("4.00", ledger.get(0).getString("amount"));
        assertEquals("97979.00", ledger.stream().map(entry -> new BigDecimal(entry.getString("amount")))
                .reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        String page = Http.get(base, "/accounts/" + AGENT).body();
        assertTrue(page.contains("id=\"ledger\""), page);
        assertTrue(page.contains("received cash dividend of 0.1 USD a share on 40 SPLT, ex 2026-06-09"), page);
    }

    @Test
    void theActionsAreListedAsAppliedOnThePageAndInTheApi() throws Exception {
        List<JsonObject> actions = ok("/api/corporate-actions?ticker=splt").getJsonArray("corporateActions").getValuesAs(JsonObject.class);
        assertEquals(List.of("SPLIT|SPLT|2026-06-09", "DIVIDEND|SPLT|2026-06-09"), actions.stream().map(a -> a.getString("id")).toList());
        assertTrue(actions.stream().allMatch(action -> action.getString("appliedAt").equals("2026-06-09T13:30:00Z")),
                "applied at Tuesday's open: " + actions);
        assertEquals("1", actions.get(0).getString("splitFrom"));
        assertEquals("4", actions.get(0).getString("splitTo"));
        String page = Http.get(base, "/corporate-actions").body();
        assertTrue(page.contains("4-for-1 split"), page);
        assertFalse(page.contains("not yet"), "both applied");
        assertEquals(400, Http.get(base, "/api/corporate-actions?ticker=no$such").statusCode());
    }

    private JsonObject ok(String path) throws Exception {
        HttpResponse<String> response = Http.get(base, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Http.json(response);
    }
}
