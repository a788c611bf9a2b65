package com.papertrader.it.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;
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
 * The server starts on a database release 0.1 wrote (the fixture {@code upgrade/release-0.1.db}, made by that
 * release's server; see SchemaMigrationsTest): the schema is baselined at version 1, and the agents, orders, fills,
 * accounts and the backtest it held are all served as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UpgradeIT {

    /** What the fixture holds: release 0.1's server wrote it (see SchemaMigrationsTest). */
    private static final int ORDERS = 327;
    private static final int FILLS = 196;
    private static final int BACKTEST_EQUITY_POINTS = 1171;

    private static final Path DATA_DIR = Path.of(System.getProperty("it.data-dir"),
            "upgrade-it-" + Long.toString(System.currentTimeMillis(), 36));

    @Deployment(testable = false)
    static WebArchive deployment() {
        try (InputStream fixture = UpgradeIT.class.getClassLoader().getResourceAsStream("upgrade/release-0.1.db")) {
            Files.createDirectories(DATA_DIR);
            Files.copy(fixture, DATA_DIR.resolve("paper-trader.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Deployments.war().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "upgrade-config.jar")
                .addAsResource(new StringAsset("config_ordinal=500\nmarket.tickers=AAPL,MSFT,BRK.B\n"
                        + "papertrader.data-dir=" + DATA_DIR.toAbsolutePath() + "\n"), "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @Test
    void theSchemaIsBaselinedAtVersion1ThenMigrated() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + DATA_DIR.resolve("paper-trader.db"));
             Statement sql = db.createStatement();
             ResultSet history = sql.executeQuery("SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank")) {
            assertTrue(history.next());
            assertEquals("1", history.getString("version"));
            assertEquals("BASELINE", history.getString("type"), "V1 is not run on a database that has its schema");
            while (history.next()) {
                assertEquals("SQL", history.getString("type"));
                assertTrue(history.getBoolean("success"), "migration " + history.getString("version"));
            }
        }
    }

    @Test
    void theAgentsKeepTheirStatesAndAccounts() throws Exception {
        Map<String, JsonObject> agents = Http.json(Http.get(base, "/api/agents")).getJsonArray("agents").stream()
                .map(JsonObject.class::cast).collect(Collectors.toMap(a -> a.getString("id"), a -> a));
        assertEquals(5, agents.size(), agents.keySet().toString());
        assertEquals("ERRORED", agents.get("always-fails").getString("state"));
        assertEquals("PAUSED", agents.get("rsi-mean-reversion").getString("state"));
        assertEquals("shared-desk", agents.get("shared-buyer").getString("accountId"));
    }

    @Test
    void theOrdersFillsAndAccountsAreServed() throws Exception {
        JsonObject orders = Http.json(Http.get(base, "/api/orders?size=500"));
        assertEquals(ORDERS, orders.getJsonArray("items").size());
        String firstId = orders.getJsonArray("items").getJsonObject(ORDERS - 1).getString("id");
        JsonObject order = Http.json(Http.get(base, "/api/orders/" + firstId.replace("|", "%7C")));
        assertTrue(order.getJsonArray("events").size() >= 2, order.toString());
        assertEquals(200, Http.get(base, "/accounts/shared-desk").statusCode());
        String fills = Http.get(base, "/api/fills.csv").body();
        assertEquals(FILLS, fills.strip().split("\r\n").length - 1, "every fill, under the header");
    }

    @Test
    void theBacktestIsServed() throws Exception {
        JsonObject run = Http.json(Http.get(base, "/api/backtests")).getJsonArray("backtests").getJsonObject(0);
        assertEquals("DONE", run.getString("status"));
        assertEquals("sma-crossover", run.getString("agentId"));
        JsonObject detail = Http.json(Http.get(base, "/api/backtests/" + run.getString("id")));
        assertEquals(BACKTEST_EQUITY_POINTS, detail.getJsonArray("equity").size());
    }
}
