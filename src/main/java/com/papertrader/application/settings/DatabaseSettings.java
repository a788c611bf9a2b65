package com.papertrader.application.settings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the database is and how its connections wait for one another.
 *
 * @param dataDir     absolute directory of the SQLite file {@code paper-trader.db}
 * @param busyTimeout how long a connection waits for SQLite's write lock
 */
public record DatabaseSettings(Path dataDir, Duration busyTimeout) {

    public static final String DATA_DIR = "papertrader.data-dir";
    public static final String BUSY_TIMEOUT_MS = "papertrader.db.busy-timeout-ms";

    static DatabaseSettings read(SettingsReader in) {
        return new DatabaseSettings(in.absolutePath(DATA_DIR, Path.of(System.getProperty("user.home"), ".paper-trader").toString()),
                Duration.ofMillis(in.positiveInt(BUSY_TIMEOUT_MS)));
    }

    public Path databaseFile() {
        return dataDir.resolve("paper-trader.db");
    }
}
