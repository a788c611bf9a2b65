package com.papertrader.infrastructure.persistence;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.infrastructure.config.SettingsLoader;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Level;
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

    private static final Logger LOG = Logger.getLogger(ConfiguredDataSource.class.getName());
    /** Seconds to wait for PostgreSQL to answer a new connection: an unreachable server fails the start, not hangs it. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final DataSource target;

    public ConfiguredDataSource() {
        DatabaseSettings settings = SettingsLoader.load().database();
        target = settings.postgres().<DataSource>map(ConfiguredDataSource::postgres).orElseGet(() -> SqliteDataSource.open(settings));
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

    private static DataSource postgres(DatabaseSettings.PostgresServer server) {
        PGSimpleDataSource dataSource = postgresConnections(server);
        try (Connection first = dataSource.getConnection()) {
            LOG.info(() -> "PostgreSQL database " + server.where());
        } catch (SQLException e) {
            // One line naming the server and the reason (the driver never puts the password in it), before the server's
            // own report of the failed deployment.
            LOG.log(Level.SEVERE, "Paper Trader cannot start: PostgreSQL database {0} ({1}, {2}) cannot be reached: {3}",
                    new Object[]{server.where(), DatabaseSettings.URL, DatabaseSettings.USER, e.getMessage()});
            throw new IllegalStateException("PostgreSQL database " + server.where() + " cannot be reached: " + e.getMessage(), e);
        }
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

    @Override
    public Connection getConnection() throws SQLException {
        return target.getConnection();
    }

    /** The server's pool asks with the credentials of its own configuration, which has none (empty): the configured ones apply. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return username == null || username.isEmpty() ? target.getConnection() : target.getConnection(username, password);
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
