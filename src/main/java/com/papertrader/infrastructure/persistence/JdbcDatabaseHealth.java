package com.papertrader.infrastructure.persistence;

import com.papertrader.application.DatabaseHealth;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link DatabaseHealth}: the application runs on the database ({@link DatabaseSchema}), the database takes a new
 * connection, and the server's pool gives one that answers {@code SELECT 1}.
 */
@ApplicationScoped
public class JdbcDatabaseHealth implements DatabaseHealth {

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Inject
    DatabaseSchema schema;

    @Override
    public Optional<String> problem() {
        Optional<String> notReady = schema.problem().or(schema::unreachable);
        if (notReady.isPresent()) {
            RenewingConnection.databaseWasAway();
            return notReady; // asked around the pool: it would log a stack trace for each refused connection
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            if (!connection.getAutoCommit()) {
                connection.rollback(); // end the read: an open one would fail the next write on this pooled connection
            }
            return Optional.empty();
        } catch (SQLException e) {
            RenewingConnection.databaseWasAway();
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> notReady() {
        return schema.problem();
    }
}
