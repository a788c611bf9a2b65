package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.papertrader.application.settings.DatabaseSettings.PostgresServer;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.it.ItDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move of an installation from SQLite into PostgreSQL, on the build's PostgreSQL cluster (the failsafe execution
 * {@code wildfly-postgresql}), with the database release 0.1 wrote (agents, orders, fills, accounts, a backtest) plus
 * what later releases add: every row arrives with its values, the application's mapping validates on the result, a
 * second run and a move into a database in use are refused, and a failed copy leaves the database as empty as it was.
 */
class SqliteToPostgresIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static int databases;

    @TempDir
    Path dir;

    private Path file;
    private DataSource postgres;
    private final ByteArrayOutputStream report = new ByteArrayOutputStream();

    @BeforeEach
    void releaseDatabaseAndAnEmptyPostgres() throws Exception {
        assumeTrue(ItDatabase.postgres(), "runs in the failsafe execution on PostgreSQL");
        file = dir.resolve("paper-trader.db");
        try (InputStream fixture = getClass().getResourceAsStream("/upgrade/release-0.1.db")) {
            Files.copy(fixture, file, StandardCopyOption.REPLACE_EXISTING);
        }
        postgres = SqliteToPostgres.postgres(new PostgresServer(ItDatabase.createPostgres("move-it-" + RUN + "-" + databases++),
                ItDatabase.postgresUser(), ItDatabase.postgresPassword()));
    }

    private SqliteToPostgres mover() {
        return new SqliteToPostgres(SqliteToPostgres.sqliteFile(file), postgres, new PrintStream(report, true, StandardCharsets.UTF_8));
    }

    @Test
    void everyRowArrivesWithItsValuesAndTheApplicationRunsOnIt() throws Exception {
        mover().move();

        DataSource sqlite = SqliteToPostgres.sqliteFile(file);
        try (Connection from = sqlite.getConnection(); Connection to = postgres.getConnection()) {
            for (String table : List.of("ohlcv_data", "agent", "agent_scripts", "orders", "order_events", "fills", "positions",
                    "accounts", "ledger_entries", "equity_snapshots", "backtest_runs", "backtest_equity", "backtest_trades",
                    "scan_records", "bar_cursors")) {
                assertEquals(count(from, table), count(to, table), table);
            }
            assertEquals(327, count(to, "orders"), "the fixture's orders");
            assertEquals(196, count(to, "fills"), "the fixture's fills");
            assertEquals(rows(from, "SELECT id, cash, realizedPnl, startingCash FROM accounts ORDER BY id"),
                    rows(to, "SELECT id, cash, realizedPnl, startingCash FROM accounts ORDER BY id"));
            assertEquals(rows(from, "SELECT id, quantity, price, commission, side FROM fills ORDER BY id"),
                    rows(to, "SELECT id, quantity, price, commission, side FROM fills ORDER BY id"));
            assertEquals(rows(from, "SELECT id, script, tickers, parameters FROM agent ORDER BY id"),
                    rows(to, "SELECT id, script, tickers, parameters FROM agent ORDER BY id"));
            // times: SQLite holds epoch milliseconds, PostgreSQL timestamps with time zone, the same instants
            assertEquals(millis(from, "SELECT createdAt FROM orders ORDER BY id"), instants(to, "SELECT createdAt FROM orders ORDER BY id"));
            assertEquals(rows(from, "SELECT ticker, bar_start, open, high, low, close, volume FROM ohlcv_data ORDER BY ticker, bar_start")
                            .stream().map(SqliteToPostgresIT::withoutTrailingZeros).toList(),
                    rows(to, "SELECT ticker, bar_start, open, high, low, close, volume FROM ohlcv_data ORDER BY ticker, bar_start")
                            .stream().map(SqliteToPostgresIT::withoutTrailingZeros).toList());
            // a new bar gets an id after the copied ones
            try (Statement statement = to.createStatement()) {
                statement.executeUpdate("INSERT INTO ohlcv_data (ticker, bar_start, open, high, low, close, volume, time_of_day, day_of_week)"
                        + " VALUES ('NEWT', 1, 1, 1, 1, 1, 1, '09:30', 1)");
            }
        }
        String printed = report.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("every table's rows and every account's totals are equal"), printed);

        EntityManagerFactory onPostgres = new SqliteTestDatabase(dir.resolve("unused.db")).start(SqliteTestDatabase.entityClasses(), postgres);
        try {
            Function<EntityManager, List<Account>> readAccounts = em -> em.createQuery("SELECT a FROM Account a", Account.class).getResultList();
            List<Account> accounts = SqliteTestDatabase.inTransaction(onPostgres, readAccounts);
            assertFalse(accounts.isEmpty(), "the mapping validates against the moved schema and reads its accounts");
        } finally {
            onPostgres.close();
        }
    }

    @Test
    void aSecondMoveIsRefusedAndChangesNothing() throws Exception {
        mover().move();
        long orders;
        try (Connection to = postgres.getConnection()) {
            orders = count(to, "orders");
        }

        SqliteToPostgres.MoveRefused refused = assertThrows(SqliteToPostgres.MoveRefused.class, () -> mover().move());

        assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
        try (Connection to = postgres.getConnection()) {
            assertEquals(orders, count(to, "orders"));
        }
    }

    @Test
    void aValueThatCannotBeMovedUndoesTheWholeMove() throws Exception {
        SchemaMigrations.migrate(SqliteToPostgres.sqliteFile(file));
        try (Connection from = SqliteToPostgres.sqliteFile(file).getConnection(); Statement statement = from.createStatement()) {
            statement.executeUpdate("UPDATE orders SET createdAt = 'last tuesday' WHERE id = (SELECT min(id) FROM orders)");
        }

        SqliteToPostgres.MoveRefused refused = assertThrows(SqliteToPostgres.MoveRefused.class, () -> mover().move());

        assertTrue(refused.getMessage().contains("table orders, column createdAt holds 'last tuesday'"), refused.getMessage());
        try (Connection to = postgres.getConnection()) {
            assertEquals(List.of("0"), rows(to, "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"),
                    "nothing is left behind: the database can take the move again once the value is fixed");
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        return Long.parseLong(rows(connection, "SELECT count(*) FROM " + table).get(0));
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<Instant> millis(Connection sqlite, String sql) throws SQLException {
        return rows(sqlite, sql).stream().map(value -> Instant.ofEpochMilli(Long.parseLong(value))).toList();
    }

    private static List<Instant> instants(Connection postgres, String sql) throws SQLException {
        List<Instant> instants = new ArrayList<>();
        try (Statement statement = postgres.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                instants.add(result.getObject(1, OffsetDateTime.class).toInstant());
            }
        }
        return instants;
    }

    /** 50.5 in SQLite is 50.500000 in numeric(19,6): the same number. */
    private static String withoutTrailingZeros(String row) {
        return row.replaceAll("(\\.\\d*?)0+(\\||$)", "$1$2").replaceAll("\\.(\\||$)", "$1");
    }
}
