package com.papertrader.infrastructure.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A PostgreSQL connection for the server's pool that survives the database's restart. The pool of a
 * {@code @DataSourceDefinition} cannot be told to validate its connections (neither WildFly nor Payara read such
 * settings from the annotation), so after a restart every pooled connection would fail forever. This one opens a new
 * session in place of its dead one, but only between units of work, never inside a transaction that has done
 * something (that one fails, as it must). A session is known dead when the driver closed it, or found dead by asking
 * once after the application saw the database away ({@link #databaseWasAway()}): then the first work after an outage
 * runs on a new session instead of failing. The new session gets the same auto-commit, isolation and read-only settings.
 */
final class RenewingConnection implements InvocationHandler {

    private static final Logger LOG = Logger.getLogger(RenewingConnection.class.getName());
    /** Calls that ask about or end the connection itself: answered by the current session, never a reason to open another. */
    private static final Set<String> ABOUT_ITSELF = Set.of("close", "isClosed", "isValid", "abort", "unwrap", "isWrapperFor",
            "toString", "hashCode", "equals");
    /** Calls that end a unit of work: whatever they answer, the next call starts a new one. */
    private static final Set<String> ENDS_WORK = Set.of("commit", "rollback", "setAutoCommit");
    private static final int VALID_SECONDS = 2;
    /** Grows each time the application sees the database away: every connection then checks its session once. */
    private static final AtomicLong OUTAGES = new AtomicLong();

    private final DataSource source;
    private Connection current;
    private long outagesSeen = OUTAGES.get();
    /** A transaction on this session has done something: its session must not change under it. */
    private boolean inWork;
    private boolean autoCommit = true;
    private Integer isolation;
    private boolean readOnly;

    private RenewingConnection(DataSource source, Connection first) {
        this.source = source;
        this.current = first;
    }

    static Connection open(DataSource source) throws SQLException {
        return (Connection) Proxy.newProxyInstance(RenewingConnection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new RenewingConnection(source, source.getConnection()));
    }

    /** The database was found away (the desk's session ended, the health check failed): pooled sessions may be dead. */
    static void databaseWasAway() {
        OUTAGES.incrementAndGet();
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (!ABOUT_ITSELF.contains(name) && !inWork && dead()) {
            renew();
        }
        try {
            Object result = method.invoke(current, args);
            switch (name) {
                case "setAutoCommit" -> autoCommit = (Boolean) args[0];
                case "setTransactionIsolation" -> isolation = (Integer) args[0];
                case "setReadOnly" -> readOnly = (Boolean) args[0];
                default -> { }
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (ENDS_WORK.contains(name)) {
                inWork = false;
            } else if (!ABOUT_ITSELF.contains(name)) {
                inWork = !autoCommit;
            }
        }
    }

    private boolean dead() throws SQLException {
        if (current.isClosed()) {
            return true;
        }
        long outages = OUTAGES.get();
        if (outages == outagesSeen) {
            return false;
        }
        outagesSeen = outages;
        return !current.isValid(VALID_SECONDS);
    }

    private void renew() throws SQLException {
        Connection renewed = source.getConnection();
        renewed.setAutoCommit(autoCommit);
        if (isolation != null) {
            renewed.setTransactionIsolation(isolation);
        }
        renewed.setReadOnly(readOnly);
        try {
            current.close();
        } catch (SQLException e) {
            LOG.fine(() -> "Closing a dead session: " + e.getMessage());
        }
        current = renewed;
        LOG.info("A pooled database session had ended (the database went away): a new one replaces it");
    }
}
