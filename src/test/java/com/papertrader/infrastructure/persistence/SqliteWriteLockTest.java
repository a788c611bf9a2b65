package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;

/**
 * Two connections to a real SQLite database in WAL mode, as the pool hands them out: what goes wrong when a
 * transaction reads before it writes while another writes, and how taking the write lock first avoids it.
 */
class SqliteWriteLockTest {

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void database() throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("lock.db");
        try (Connection setup = connection(); Statement sql = setup.createStatement()) {
            sql.executeUpdate("CREATE TABLE bar_cursors (ticker TEXT PRIMARY KEY, processedThrough INTEGER)");
            sql.executeUpdate("CREATE TABLE counts (name TEXT PRIMARY KEY, n INTEGER)");
            sql.executeUpdate("INSERT INTO counts VALUES ('saves', 0)");
            setup.commit();
        }
    }

    /** The failure this class exists for: the busy timeout (5 s here) does not help, the write fails at once. */
    @Test
    void aTransactionThatReadBeforeAnotherWroteCannotWrite() throws Exception {
        try (Connection first = connection(); Connection second = connection()) {
            assertEquals(0, saves(first));
            increment(second);
            second.commit();

            long started = System.nanoTime();
            SQLException busy = assertThrows(SQLException.class, () -> increment(first));
            assertTrue(busy.getMessage().contains("SQLITE_BUSY"), busy.getMessage());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2), "at once, not after the busy timeout");
        }
    }

    /** With the lock taken first, the second writer waits for the first, then reads its write and adds its own. */
    @Test
    void aTransactionThatTookTheLockFirstWaitsForTheOtherWriterAndSeesItsWrite() throws Exception {
        try (Connection first = connection(); Connection second = connection()) {
            SqliteWriteLock.take(first);
            int seenByFirst = saves(first);

            // SQLite calls the busy handler while the lock is held by another: the second writer says so, then waits on.
            CountDownLatch secondWaits = new CountDownLatch(1);
            BusyHandler.setHandler(second, new BusyHandler() {
                @Override
                protected int callback(int attempts) {
                    secondWaits.countDown();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                    return 1;
                }
            });
            CompletableFuture<Integer> secondWrite = CompletableFuture.supplyAsync(() -> {
                try {
                    SqliteWriteLock.take(second);
                    int seen = saves(second);
                    increment(second);
                    second.commit();
                    return seen;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(secondWaits.await(5, TimeUnit.SECONDS), "the second writer found the lock taken");
            assertFalse(secondWrite.isDone(), "and waits while the first holds it");

            increment(first);
            first.commit();

            assertEquals(1, secondWrite.get(10, TimeUnit.SECONDS), "it read the first writer's save");
            assertEquals(0, seenByFirst);
        }
        try (Connection check = connection()) {
            assertEquals(2, saves(check), "both saves are there");
        }
    }

    private Connection connection() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5_000);
        Connection connection = DriverManager.getConnection(url, config.toProperties());
        connection.setAutoCommit(false);
        return connection;
    }

    private static int saves(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT n FROM counts WHERE name = 'saves'")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void increment(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE counts SET n = n + 1 WHERE name = 'saves'");
        }
    }
}
