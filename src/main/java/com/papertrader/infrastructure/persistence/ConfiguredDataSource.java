package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.infrastructure.config.SettingsLoader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the configuration names: the SQLite file in the data directory by default, or PostgreSQL when
 * {@value DatabaseSettings#URL} is set. The server instantiates this class from the portable
 * {@code @DataSourceDefinition} in {@link DatabaseDefinition} and pools its connections, on WildFly and Payara alike;
 * the choice is made here, from configuration, because annotation values cannot be configured the same way on both.
 */
public class ConfiguredDataSource implements DataSource {

    /** Seconds to wait for PostgreSQL to answer a new connection: an unreachable server is reported, not waited on. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** Connections opened for the server's pool since the start, for the metrics. */
    private static final AtomicLong POOL_CONNECTIONS_OPENED = new AtomicLong();

    private final DataSource target;
    private final boolean pooled;

    /** The server's pool's: the server instantiates this class by its name ({@link DatabaseDefinition}). */
    public ConfiguredDataSource() {
        this(SettingsLoader.load().database(), true);
    }

    /** The configured database's connections, not pooled: asking whether it answers goes around the server's pool. */
    ConfiguredDataSource(DatabaseSettings settings) {
        this(settings, false);
    }

    private ConfiguredDataSource(DatabaseSettings settings, boolean pooled) {
        target = settings.postgres().<DataSource>map(ConfiguredDataSource::postgresConnections).orElseGet(() -> SqliteDataSource.open(settings));
        this.pooled = pooled;
    }

    /** How many connections the server's pool has opened since the start (a pool that keeps opening them is losing them). */
    public static long poolConnectionsOpened() {
        return POOL_CONNECTIONS_OPENED.get();
    }

    /** Connections to the configured PostgreSQL server, not pooled: the server pools them, a tool opens a few. */
    static PGSimpleDataSource postgresConnections(DatabaseSettings.PostgresServer server) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.url());
        dataSource.setUser(server.user());
        dataSource.setPassword(server.password());
        dataSource.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        return dataSource;
    }

    /**
     * The name the database shows for these connections (PostgreSQL's {@code application_name}); set by the
     * datasource definition, which needs at least one property on WildFly.
     */
    public void setApplicationName(String name) {
        if (target instanceof PGSimpleDataSource postgres) {
            postgres.setApplicationName(name);
        }
    }

    /** On PostgreSQL, a connection that outlives the database's restart in the server's pool ({@link RenewingConnection}). */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = target instanceof PGSimpleDataSource ? RenewingConnection.open(target) : target.getConnection();
        if (pooled) {
            POOL_CONNECTIONS_OPENED.incrementAndGet();
        }
        return connection;
    }

    /** The server's pool asks with the credentials of its own configuration, which has none (empty): the configured ones apply. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return username == null || username.isEmpty() ? getConnection() : target.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(target) ? type.cast(target) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(target) || target.isWrapperFor(type);
    }
}
