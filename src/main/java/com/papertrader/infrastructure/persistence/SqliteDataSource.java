package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.DatabaseSettings;
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
 * writes) and a busy timeout applied to every connection it opens: the default database ({@link ConfiguredDataSource}).
 */
final class SqliteDataSource {

    private static final Logger LOG = Logger.getLogger(SqliteDataSource.class.getName());

    private SqliteDataSource() {
    }

    static SQLiteDataSource open(DatabaseSettings settings) {
        Path database = settings.databaseFile();
        requireWritableDirectory(settings.dataDir());
        SQLiteDataSource dataSource = new SQLiteDataSource();
        configure(dataSource, database, settings.busyTimeout());
        LOG.info(() -> "SQLite database " + database + " (WAL, busy timeout " + settings.busyTimeout().toMillis() + " ms)");
        return dataSource;
    }

    /** What every connection to the database file gets, the server's and a test's alike. */
    static void configure(SQLiteDataSource dataSource, Path file, Duration busyTimeout) {
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
