package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.application.settings.DatabaseSettings.PostgresServer;
import com.papertrader.application.settings.InvalidSettingException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * Moves an installation from its SQLite file into an empty PostgreSQL database: both are brought to this release's
 * schema by the same migrations, then every table (bars, agents and their scripts, orders, events, fills, positions,
 * accounts and their ledger, equity snapshots, backtests, corporate actions, audit trail, tokens) is copied in one
 * PostgreSQL transaction, and the copy is checked: each table's row count and each account's cash, P&amp;L and ledger
 * total must be equal on both sides, or nothing is kept. A database that already holds a schema or rows is refused, so
 * running the move twice changes nothing.
 *
 * <pre>
 * PAPERTRADER_DB_URL=jdbc:postgresql://host:5432/db PAPERTRADER_DB_USER=... PAPERTRADER_DB_PASSWORD=... \
 *     java -cp 'target/paper-trader/WEB-INF/classes:target/paper-trader/WEB-INF/lib/*' \
 *     com.papertrader.infrastructure.persistence.SqliteToPostgres ~/.paper-trader/paper-trader.db
 * </pre>
 */
public final class SqliteToPostgres {

    private static final int BATCH = 1000;
    /**
     * Tables PostgreSQL's own triggers fill as the rows they follow arrive (each agent's closed positions' running
     * totals): not copied, but compared row by row after the copy.
     */
    private static final Map<String, String> DERIVED = Map.of("agent_closed_positions",
            "SELECT agent_id, positions, winning, realized_pnl FROM agent_closed_positions ORDER BY agent_id");
    /** Account figures compared after the copy, beside each account's ledger total. */
    private static final String ACCOUNT_TOTALS = """
            SELECT a.id, a.cash, a.realizedPnl, a.startingCash, (SELECT sum(l.amount) FROM ledger_entries l WHERE l.account_id = a.id)
            FROM accounts a ORDER BY a.id""";

    private final DataSource sqlite;
    private final DataSource postgres;
    private final PrintStream out;

    SqliteToPostgres(DataSource sqlite, DataSource postgres, PrintStream out) {
        this.sqlite = sqlite;
        this.postgres = postgres;
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SqliteToPostgres <path of paper-trader.db>, with PAPERTRADER_DB_URL, PAPERTRADER_DB_USER and"
                    + " PAPERTRADER_DB_PASSWORD naming the empty PostgreSQL database to move it into");
            System.exit(2);
        }
        try {
            Path file = Path.of(args[0]).toAbsolutePath();
            PostgresServer server = DatabaseSettings.postgresServer(environment())
                    .orElseThrow(() -> new InvalidSettingException(DatabaseSettings.URL,
                            "is not set (PAPERTRADER_DB_URL): it names the database to move into"));
            new SqliteToPostgres(sqliteFile(file), postgres(server), System.out).move();
            System.out.println("Moved " + file + " into " + server.where() + ". Start the server with the same PAPERTRADER_DB_* settings.");
        } catch (MoveRefused | InvalidSettingException e) {
            System.err.println("Nothing was moved: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A key's value from the environment, named as the server reads it: papertrader.db.url is PAPERTRADER_DB_URL. */
    private static Function<String, Optional<String>> environment() {
        return key -> Optional.ofNullable(System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_')));
    }

    static DataSource sqliteFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MoveRefused("there is no SQLite database at " + file);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource();
        SqliteDataSource.configure(dataSource, file, Duration.ofSeconds(10));
        return dataSource;
    }

    static DataSource postgres(PostgresServer server) {
        PGSimpleDataSource dataSource = ConfiguredDataSource.postgresConnections(server);
        dataSource.setApplicationName("paper-trader move from SQLite");
        return dataSource;
    }

    /** Copies everything, checks the copy, and keeps it only if it is complete. */
    void move() {
        try (Connection target = postgres.getConnection()) {
            requireEmpty(target);
        } catch (SQLException e) {
            throw new MoveRefused("the PostgreSQL database cannot be reached: " + e.getMessage());
        }
        String version = SchemaMigrations.migrate(sqlite);
        try {
            SchemaMigrations.migrate(postgres);
            copyAndVerify();
            out.println("Schema version " + version + "; every table's rows and every account's totals are equal.");
        } catch (SQLException | RuntimeException e) {
            undoSchema();
            throw e instanceof MoveRefused refused ? refused : new MoveRefused("the copy failed and was undone: " + e.getMessage());
        }
    }

    private void copyAndVerify() throws SQLException {
        try (Connection source = sqlite.getConnection(); Connection target = postgres.getConnection()) {
            target.setAutoCommit(false);
            for (String table : tables(target)) {
                if (!DERIVED.containsKey(table)) {
                    long rows = copy(table, source, target);
                    out.printf("%-22s %,12d rows%n", table, rows);
                }
            }
            resetIdentities(target);
            verify(source, target);
            target.commit();
        }
    }

    /** The database was empty before the move: whatever it holds now, the migrations made it, and it goes. */
    private void undoSchema() {
        try (Connection target = postgres.getConnection(); Statement statement = target.createStatement()) {
            for (String table : tables(target)) {
                statement.execute("DROP TABLE IF EXISTS " + table + " CASCADE");
            }
            statement.execute("DROP TABLE IF EXISTS flyway_schema_history");
            statement.execute("DROP FUNCTION IF EXISTS audit_trail_unchangeable()");
            statement.execute("DROP FUNCTION IF EXISTS count_closed_positions()");
        } catch (SQLException e) {
            out.println("The schema the move created could not be removed (" + e.getMessage() + "): empty the database before the next try.");
        }
    }

    private static void requireEmpty(Connection target) throws SQLException {
        try (Statement statement = target.createStatement();
             ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            tables.next();
            if (tables.getLong(1) > 0) {
                throw new MoveRefused("the PostgreSQL database is not empty (" + tables.getLong(1) + " tables in schema "
                        + currentSchema(target) + "): the move copies into an empty database only, so a second run or a"
                        + " database in use is never overwritten");
            }
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet schema = statement.executeQuery("SELECT current_schema()")) {
            schema.next();
            return schema.getString(1);
        }
    }

    /** The application's tables, as the migrations made them on PostgreSQL (Flyway's own history is its to write). */
    private static List<String> tables(Connection target) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                     + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static long copy(String table, Connection source, Connection target) throws SQLException {
        Map<String, Integer> columns = columnTypes(table, target);
        String names = String.join(", ", columns.keySet());
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        long copied = 0;
        try (Statement read = source.createStatement();
             ResultSet rows = read.executeQuery("SELECT " + names + " FROM " + table);
             PreparedStatement write = target.prepareStatement(insert)) {
            while (rows.next()) {
                int index = 1;
                for (int type : columns.values()) {
                    bind(write, index, type, rows, table);
                    index++;
                }
                write.addBatch();
                if (++copied % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return copied;
    }

    private static Map<String, Integer> columnTypes(String table, Connection target) throws SQLException {
        Map<String, Integer> columns = new LinkedHashMap<>();
        try (ResultSet rows = target.getMetaData().getColumns(null, currentSchema(target), table, null)) {
            while (rows.next()) {
                columns.put(rows.getString("COLUMN_NAME"), rows.getInt("DATA_TYPE"));
            }
        }
        return columns;
    }

    /**
     * One value, as Hibernate wrote it into SQLite, in PostgreSQL's type for the column: instants are epoch
     * milliseconds there, days are read as the SQLite driver reads them for Hibernate, decimals keep every digit.
     */
    private static void bind(PreparedStatement write, int index, int type, ResultSet rows, String table) throws SQLException {
        if (rows.getObject(index) == null) {
            write.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> write.setObject(index, instant(rows, index, table).atOffset(ZoneOffset.UTC));
            case Types.DATE -> write.setObject(index, rows.getDate(index).toLocalDate());
            case Types.BIT, Types.BOOLEAN -> write.setBoolean(index, rows.getBoolean(index));
            case Types.NUMERIC, Types.DECIMAL -> write.setBigDecimal(index, new BigDecimal(rows.getString(index)));
            case Types.BIGINT -> write.setLong(index, rows.getLong(index));
            case Types.INTEGER, Types.SMALLINT -> write.setInt(index, rows.getInt(index));
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> write.setDouble(index, rows.getDouble(index));
            default -> write.setString(index, rows.getString(index));
        }
    }

    private static Instant instant(ResultSet rows, int index, String table) throws SQLException {
        Object value = rows.getObject(index);
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        throw new MoveRefused("table " + table + ", column " + rows.getMetaData().getColumnName(index)
                + " holds '" + value + "' where a time (epoch milliseconds) was expected");
    }

    /** The next generated id of each identity column continues after the copied rows. */
    private static void resetIdentities(Connection target) throws SQLException {
        List<String[]> identities = new ArrayList<>();
        try (Statement statement = target.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            while (rows.next()) {
                identities.add(new String[]{rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] identity : identities) {
            try (Statement statement = target.createStatement()) {
                statement.execute("SELECT setval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1] + "'), "
                        + "coalesce((SELECT max(" + identity[1] + ") FROM " + identity[0] + "), 0) + 1, false)");
            }
        }
    }

    private static void verify(Connection source, Connection target) throws SQLException {
        for (String table : tables(target)) {
            long expected = count(source, table);
            long copied = count(target, table);
            if (expected != copied) {
                throw new MoveRefused("table " + table + " has " + expected + " rows in SQLite but " + copied + " in PostgreSQL");
            }
        }
        for (var derived : DERIVED.entrySet()) {
            List<String> kept = rows(source, derived.getValue());
            List<String> made = rows(target, derived.getValue());
            if (!kept.equals(made)) {
                throw new MoveRefused("table " + derived.getKey() + " differs after the copy: SQLite " + kept + ", PostgreSQL " + made);
            }
        }
        List<String> before = accountTotals(source);
        List<String> after = accountTotals(target);
        if (!before.equals(after)) {
            throw new MoveRefused("the accounts' totals differ after the copy: SQLite " + before + ", PostgreSQL " + after);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each row of {@code query}, its columns joined. */
    private static List<String> rows(Connection connection, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    row.add(result.getString(column));
                }
                rows.add(String.join(" ", row));
            }
        }
        return rows;
    }

    /** Each account's id, cash, realized P&amp;L, starting cash and ledger total, in cents. */
    private static List<String> accountTotals(Connection connection) throws SQLException {
        List<String> totals = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(ACCOUNT_TOTALS)) {
            while (rows.next()) {
                totals.add(rows.getString(1) + " cash=" + rows.getLong(2) + " realized=" + rows.getLong(3)
                        + " starting=" + rows.getLong(4) + " ledger=" + rows.getLong(5));
            }
        }
        return totals;
    }

    /** Why nothing was moved, for the person who ran the command. */
    static final class MoveRefused extends IllegalStateException {

        MoveRefused(String message) {
            super(message);
        }
    }
}
