package com.papertrader.infrastructure.persistence;

import com.papertrader.application.DatabaseHealth;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link DatabaseHealth} by asking the application's datasource for a connection and a {@code SELECT 1}. */
@ApplicationScoped
public class JdbcDatabaseHealth implements DatabaseHealth {

    @Resource(lookup = DatabaseDefinition.JNDI_NAME)
    DataSource dataSource;

    @Override
    public Optional<String> problem() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            if (!connection.getAutoCommit()) {
                connection.rollback(); // end the read: an open one would fail the next write on this pooled connection
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}
