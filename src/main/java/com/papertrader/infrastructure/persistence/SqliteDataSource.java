package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.infrastructure.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite database file in the configured data directory, with WAL journaling (pages read while the poller
 * writes) and a busy timeout applied to every connection it opens. The server instantiates it from the
 * portable {@code @DataSourceDefinition} in {@link DatabaseDefinition}, on WildFly and Payara alike.
 */
public class SqliteDataSource extends SQLiteDataSource {

    private static final Logger LOG = Logger.getLogger(SqliteDataSource.class.getName());

    public SqliteDataSource() {
        DatabaseSettings settings = SettingsLoader.load().database();
        Path database = settings.databaseFile();
        requireWritableDirectory(settings.dataDir());
        configure(this, database, settings.busyTimeout());
        LOG.info(() -> "SQLite database " + database + " (WAL, busy timeout " + settings.busyTimeout().toMillis() + " ms)");
    }

    /** What every connection to the database file gets, the server's and a test's alike. */
    public static void configure(SQLiteDataSource dataSource, Path file, Duration busyTimeout) {
        dataSource.setUrl("jdbc:sqlite:" + file);
        dataSource.setJournalMode(SQLiteConfig.JournalMode.WAL.name());
        dataSource.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL.name());
        dataSource.setBusyTimeout((int) busyTimeout.toMillis());
    }

    private static void requireWritableDirectory(Path dir) {
        String problem = null;
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                problem = "is not writable by this user";
            }
        } catch (IOException | SecurityException e) {
            problem = "cannot be created (" + e + ")";
        }
        if (problem != null) {
            String message = "Data directory " + dir + " (" + DatabaseSettings.DATA_DIR + ") " + problem;
            LOG.log(Level.SEVERE, "Paper Trader cannot start: {0}", message);
            throw new IllegalStateException(message);
        }
    }
}
