package com.papertrader.application.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which database holds everything: the SQLite file in the data directory (the default), or the PostgreSQL server
 * named by {@value #URL} when that is set.
 *
 * @param dataDir     absolute directory of the SQLite file {@code paper-trader.db}
 * @param busyTimeout how long a connection waits for SQLite's write lock
 * @param postgres    the PostgreSQL server to use instead of SQLite, if configured
 */
public record DatabaseSettings(Path dataDir, Duration busyTimeout, Optional<PostgresServer> postgres) {

    public static final String DATA_DIR = "papertrader.data-dir";
    public static final String BUSY_TIMEOUT_MS = "papertrader.db.busy-timeout-ms";
    public static final String URL = "papertrader.db.url";
    public static final String USER = "papertrader.db.user";
    public static final String PASSWORD = "papertrader.db.password";

    private static final String POSTGRES_URL_PREFIX = "jdbc:postgresql://";

    static DatabaseSettings read(SettingsReader in) {
        return new DatabaseSettings(in.absolutePath(DATA_DIR, Path.of(System.getProperty("user.home"), ".paper-trader").toString()),
                Duration.ofMillis(in.positiveInt(BUSY_TIMEOUT_MS)), in.optional(URL).map(url -> postgres(url, in)));
    }

    /** The PostgreSQL server {@code source} names, if any: for tools that run outside the server (moving from SQLite). */
    public static Optional<PostgresServer> postgresServer(Function<String, Optional<String>> source) {
        SettingsReader in = new SettingsReader(source);
        return in.optional(URL).map(url -> postgres(url, in));
    }

    private static PostgresServer postgres(String url, SettingsReader in) {
        if (!url.startsWith(POSTGRES_URL_PREFIX)) {
            // Only the scheme is echoed: the rest of a URL may carry a password.
            String scheme = url.contains("//") ? url.substring(0, url.indexOf("//") + 2) : "no '//'";
            throw new InvalidSettingException(URL, "must be a PostgreSQL JDBC URL (" + POSTGRES_URL_PREFIX
                    + "host:port/database), got one starting " + scheme + "; leave it unset for the SQLite file in " + DATA_DIR);
        }
        if (url.contains("password=")) {
            throw new InvalidSettingException(URL, "must not carry the password: set " + PASSWORD + " (PAPERTRADER_DB_PASSWORD) instead");
        }
        return new PostgresServer(url, in.required(USER), in.optional(PASSWORD).orElse(""));
    }

    public Path databaseFile() {
        return dataDir.resolve("paper-trader.db");
    }

    /**
     * A PostgreSQL server and the login to it. The password is kept out of {@link #toString()} and out of {@link #where()}:
     * hand it only to the driver.
     */
    public record PostgresServer(String url, String user, String password) {

        /** The server and database, for a log line: the URL without its parameters, and the user. */
        public String where() {
            int parameters = url.indexOf('?');
            return (parameters < 0 ? url : url.substring(0, parameters)) + " as " + user;
        }

        @Override
        public String toString() {
            return "PostgresServer[" + where() + "]";
        }
    }
}
