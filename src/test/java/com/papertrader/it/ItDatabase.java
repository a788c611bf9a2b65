package com.papertrader.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The database of the integration tests' server: the SQLite file in its data directory, or, in the failsafe execution
 * {@code wildfly-postgresql}, the PostgreSQL cluster the build started ({@code it.postgres-url} names its server).
 */
public final class ItDatabase {

    private static final String POSTGRES_SERVER = System.getProperty("it.postgres-url");
    private static final String POSTGRES_USER = System.getProperty("it.postgres-user");
    private static final String POSTGRES_PASSWORD = System.getProperty("it.postgres-password");
    /** The database the suite's server uses on PostgreSQL (postgres.sh creates it). */
    private static final String SUITE_DATABASE = "papertrader";

    private ItDatabase() {
    }

    public static boolean postgres() {
        return POSTGRES_SERVER != null && !POSTGRES_SERVER.isBlank();
    }

    /** A connection to the database the suite's server writes (not one of {@link #ownDatabase}'s). */
    public static Connection suite() throws SQLException {
        if (postgres()) {
            return DriverManager.getConnection(POSTGRES_SERVER + SUITE_DATABASE, POSTGRES_USER, POSTGRES_PASSWORD);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + Path.of(System.getProperty("it.data-dir"),
                System.getProperty("arquillian.launch"), "paper-trader.db"));
    }

    /**
     * Configuration lines that give one deployment a database of its own, new each run, so what it creates changes
     * nothing the other tests count: its own data directory (SQLite), and on PostgreSQL its own database, created now.
     *
     * @param name letters, digits and dashes, unique per run
     */
    public static String ownDatabase(String name) {
        String lines = "papertrader.data-dir=${jboss.server.data.dir}/" + name + "\n";
        return postgres() ? lines + "papertrader.db.url=" + createPostgres(name) + "\n" : lines;
    }

    /**
     * A new, empty PostgreSQL database on the build's cluster, for the login {@link #postgresUser()} and
     * {@link #postgresPassword()}.
     *
     * @param name letters, digits and dashes, unique per run
     * @return its JDBC URL
     */
    public static String createPostgres(String name) {
        String database = name.toLowerCase(Locale.ROOT).replace('-', '_');
        try (Connection server = suite(); Statement statement = server.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Database " + database + " cannot be created: " + e.getMessage(), e);
        }
        return POSTGRES_SERVER + database;
    }

    public static String postgresUser() {
        return POSTGRES_USER;
    }

    public static String postgresPassword() {
        return POSTGRES_PASSWORD;
    }
}
