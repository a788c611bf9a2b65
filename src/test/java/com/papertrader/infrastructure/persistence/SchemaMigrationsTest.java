package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.backtest.BacktestRun;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.trading.order.Order;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema migrations on real SQLite files: V1 is exactly the schema release 0.1 wrote; a database
 * release 0.1 wrote ({@code upgrade/release-0.1.db}, made by that release's server: the sample agents and two added by
 * the admin form, one of them errored and one in a shared account, trading on the simulated market, and a backtest)
 * starts on this code with every row kept and readable through the mapping; a newer database stops the start.
 */
class SchemaMigrationsTest {

    private static final String RELEASE_0_1 = "upgrade/release-0.1.db";
    /** The newest migration's version. */
    private static final String LATEST = "18";

    @TempDir
    Path dir;

    @Test
    void v1IsExactlyTheSchemaRelease01Wrote() throws Exception {
        SqliteTestDatabase fresh = new SqliteTestDatabase(dir.resolve("new.db"));
        assertEquals("1", SchemaMigrations.migrate(fresh.dataSource(), MigrationVersion.fromVersion("1")));

        SqliteTestDatabase old = new SqliteTestDatabase(copyOfRelease01());
        assertEquals(schema(old.dataSource()), schema(fresh.dataSource()), "tables, columns, keys and indexes");
    }

    @Test
    void aRelease01DatabaseIsBaselinedAndKeepsEveryRow() throws Exception {
        SqliteTestDatabase database = new SqliteTestDatabase(copyOfRelease01());
        Map<String, Long> before = rowCounts(database.dataSource());
        assertTrue(before.get("orders") > 100 && before.get("fills") > 50 && before.get("ohlcv_data") > 1000, before.toString());

        assertEquals(LATEST, SchemaMigrations.migrate(database.dataSource()));
        Map<String, Long> after = rowCounts(database.dataSource());
        after.keySet().retainAll(before.keySet());
        assertEquals(before, after, "no row lost or added");
        assertEquals(List.of("1|BASELINE|1", "2|SQL|1", "3|SQL|1", "4|SQL|1", "5|SQL|1", "6|SQL|1", "7|SQL|1", "8|SQL|1", "9|SQL|1",
                "10|SQL|1", "11|SQL|1", "12|SQL|1", "13|SQL|1", "14|SQL|1", "15|SQL|1", "16|SQL|1", "17|SQL|1", "18|SQL|1"),
                query(database.dataSource(),
                "SELECT version || '|' || type || '|' || success FROM flyway_schema_history ORDER BY installed_rank"),
                "baselined, V1 not run again, the later migrations run");
        assertEquals(query(database.dataSource(), "SELECT id || '=' || cash FROM accounts ORDER BY id"),
                query(database.dataSource(), "SELECT account_id || '=' || sum(amount) FROM ledger_entries GROUP BY account_id ORDER BY account_id"),
                "each account's ledger starts from the cash it had");
        List<String> closedTotals = query(database.dataSource(), "SELECT agent_id || ' ' || positions || ' ' || winning || ' ' || realized_pnl"
                + " FROM agent_closed_positions ORDER BY agent_id");
        assertFalse(closedTotals.isEmpty(), "the fixture has closed positions");
        assertEquals(query(database.dataSource(), "SELECT openedBy || ' ' || count(*) || ' ' || count(CASE WHEN realizedPnl > 0 THEN 1 END)"
                        + " || ' ' || sum(realizedPnl) FROM positions WHERE closedAt IS NOT NULL GROUP BY openedBy ORDER BY openedBy"), closedTotals,
                "each agent's closed positions' running totals start from the positions it closed");
        assertEquals(query(database.dataSource(), "SELECT id || '|' || script_hash || '=' || length(script) FROM agent ORDER BY id"),
                query(database.dataSource(), "SELECT id || '=' || length(script) FROM agent_scripts ORDER BY id"),
                "each agent's script history starts from the script it has");

        EntityManagerFactory mapping = database.start();
        try {
            SqliteTestDatabase.inTransaction(mapping, em -> {
                assertEquals(before.get("orders"), em.createQuery("select count(o) from Order o", Long.class).getSingleResult());
                Agent shared = em.find(Agent.class, AgentId.of("shared-buyer"));
                assertEquals("shared-desk", shared.getAccountId());
                assertEquals(0, new BigDecimal("2000").compareTo(shared.getRisk().getMaxDailyLoss()),
                        "the daily loss limit release 0.1 applied to every agent, now its own setting");
                assertNull(shared.getRisk().getFlattenMinutesBeforeClose(), "held overnight, as before");
                assertNull(shared.getRisk().getCoolDownAfterLosses(), "no cool-down, as before");
                assertEquals(AgentState.ERRORED, em.find(Agent.class, AgentId.of("always-fails")).getState());
                assertEquals(AgentState.PAUSED, em.find(Agent.class, AgentId.of("rsi-mean-reversion")).getState());
                Order first = em.createQuery("select o from Order o order by o.createdAt, o.id", Order.class)
                        .setMaxResults(1).getSingleResult();
                assertTrue(first.events().size() >= 2, "an order's event history is read back");
                BacktestRun run = em.createQuery("select r from BacktestRun r", BacktestRun.class).getSingleResult();
                assertEquals(before.get("backtest_equity"), (long) run.getEquity().size());
            });
        } finally {
            mapping.close();
        }
    }

    @Test
    void migratingAgainChangesNothing() throws Exception {
        SqliteTestDatabase database = new SqliteTestDatabase(copyOfRelease01());
        SchemaMigrations.migrate(database.dataSource());
        List<String> schema = schema(database.dataSource());
        Map<String, Long> rows = rowCounts(database.dataSource());

        assertEquals(LATEST, SchemaMigrations.migrate(database.dataSource()));
        assertEquals(schema, schema(database.dataSource()));
        assertEquals(rows, rowCounts(database.dataSource()));
    }

    @Test
    void aDatabaseANewerReleaseMigratedStopsTheStartNamingBothVersions() throws Exception {
        SqliteTestDatabase database = new SqliteTestDatabase(dir.resolve("newer.db"));
        String known = SchemaMigrations.migrate(database.dataSource());
        execute(database.dataSource(), "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (999, '999', 'from a newer release', 'SQL',"
                + " 'V999__from_a_newer_release.sql', 1, 'test', 1, 1)");

        SchemaMigrations.SchemaTooNewException refused = assertThrows(SchemaMigrations.SchemaTooNewException.class,
                () -> SchemaMigrations.migrate(database.dataSource()));
        assertTrue(refused.getMessage().contains("schema version 999, newer than this application knows (version " + known + ")"),
                refused.getMessage());
    }

    private Path copyOfRelease01() throws IOException {
        Path copy = dir.resolve("release-0.1-" + System.nanoTime() + ".db");
        try (InputStream fixture = getClass().getClassLoader().getResourceAsStream(RELEASE_0_1)) {
            Files.copy(fixture, copy);
        }
        return copy;
    }

    /** Every table and index as its normalised CREATE statement, the migrations' own bookkeeping left out. */
    private static List<String> schema(DataSource dataSource) throws SQLException {
        List<String> statements = new ArrayList<>();
        for (String sql : query(dataSource, "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
                + " AND name NOT LIKE 'flyway%' ORDER BY type, name")) {
            statements.add(sql.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1")
                    .strip().toLowerCase(Locale.ROOT));
        }
        return statements;
    }

    private static Map<String, Long> rowCounts(DataSource dataSource) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : query(dataSource, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'flyway%' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            counts.put(table, Long.parseLong(query(dataSource, "SELECT count(*) FROM " + table).get(0)));
        }
        return counts;
    }

    private static List<String> query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
