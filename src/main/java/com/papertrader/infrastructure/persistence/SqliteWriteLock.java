package com.papertrader.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * Takes SQLite's write lock as the first thing a writing transaction does. A transaction begins by reading (a JPA merge
 * reads before it writes, an upsert reads the stored range), and SQLite (WAL) lets it write afterwards only if no
 * other connection wrote since its read began: otherwise the write fails at once with SQLITE_BUSY, which the busy
 * timeout does not cover. That happens whenever two writers overlap: the poller storing bars while an admin saves an
 * agent, or a backtest saves its result. Holding the write lock before the first read instead makes the later writer
 * wait for the first (up to the busy timeout), then read what is current. Read-only transactions take no lock, so the
 * pages keep reading while something writes. On any other database (PostgreSQL) this takes nothing: its writers
 * wait for one another at the rows they change.
 */
final class SqliteWriteLock {

    /** A write that changes nothing: it takes the lock and touches no row. */
    private static final String TAKE = "DELETE FROM bar_cursors WHERE 0";

    private SqliteWriteLock() {
    }

    /** Takes the lock for the current transaction; call before anything in it reads. */
    static void take(EntityManager em) {
        em.unwrap(Session.class).doWork(SqliteWriteLock::take);
    }

    static void take(Connection connection) throws SQLException {
        if (!isSqlite(connection)) {
            return; // PostgreSQL locks the rows a transaction writes, and lets the other writers wait for them itself
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(TAKE);
        }
    }

    private static boolean isSqlite(Connection connection) throws SQLException {
        return "SQLite".equals(connection.getMetaData().getDatabaseProductName());
    }
}
