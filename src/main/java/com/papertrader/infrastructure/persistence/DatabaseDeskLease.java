package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.application.trading.DeskLease;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The desk's lease as the database provides it. On PostgreSQL: a session-level advisory lock, held by a connection of
 * its own (outside the pool) for as long as this server runs the desk; PostgreSQL releases it the moment that session
 * ends, a killed server's included, and the next standby to ask gets it. On SQLite, one server per file: always held.
 */
@ApplicationScoped
public class DatabaseDeskLease implements DeskLease {

    private static final Logger LOG = Logger.getLogger(DatabaseDeskLease.class.getName());
    /** The advisory lock's key, "PTDESK" in ASCII: a number no other user of the database is likely to lock. */
    static final long LOCK_KEY = 0x5054_4445_534BL;
    private static final int VALID_SECONDS = 5;

    @Inject
    DatabaseSettings settings;

    @Inject
    Clock clock;

    private final String node = nodeName();
    private Connection session;
    private volatile Instant since;
    /** Whether the last attempt found no database: said once per outage. */
    private boolean unreachable;

    @Override
    public synchronized boolean hold() {
        if (settings.postgres().isEmpty()) {
            if (since == null) {
                since = clock.instant();
            }
            return true;
        }
        try {
            if (since != null) {
                if (session.isValid(VALID_SECONDS)) {
                    return true;
                }
                LOG.warning(() -> "Node " + node + " lost the trading desk with its database session: it trades no more until"
                        + " it holds the desk again");
                RenewingConnection.databaseWasAway();
                close();
                return false;
            }
            if (session == null || !session.isValid(VALID_SECONDS)) {
                close();
                session = ConfiguredDataSource.postgresConnections(settings.postgres().get()).getConnection();
            }
            unreachable = false;
            if (tryLock()) {
                since = clock.instant();
                LOG.info(() -> "Node " + node + " runs the trading desk from now on");
                return true;
            }
            return false;
        } catch (SQLException e) {
            if (!unreachable) { // once, not at every tick while the database is away
                LOG.warning(() -> "Node " + node + " cannot reach the database to hold the trading desk: " + e.getMessage());
            }
            unreachable = true;
            RenewingConnection.databaseWasAway();
            close();
            return false;
        }
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement lock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public Optional<Instant> heldSince() {
        return Optional.ofNullable(since);
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean shared() {
        return settings.postgres().isPresent();
    }

    /** Ending the session releases the lock at once: a server shut down hands the desk over without waiting. */
    @PreDestroy
    synchronized void close() {
        since = null;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.fine(() -> "Closing the desk's session: " + e.getMessage());
            }
            session = null;
        }
    }

    /** Host and process: two servers on one machine are two nodes. */
    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
