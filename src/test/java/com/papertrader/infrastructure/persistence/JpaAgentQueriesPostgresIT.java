package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.papertrader.application.settings.DatabaseSettings.PostgresServer;
import com.papertrader.it.ItDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;

/**
 * {@link JpaAgentQueriesTest} on the build's PostgreSQL cluster (the failsafe execution {@code wildfly-postgresql}):
 * PostgreSQL keeps the closed positions' running totals by its own triggers (migration V13, PL/pgSQL).
 */
class JpaAgentQueriesPostgresIT extends JpaAgentQueriesTest {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static int databases;

    @Override
    EntityManagerFactory start(Path directory) {
        assumeTrue(ItDatabase.postgres(), "runs in the failsafe execution on PostgreSQL");
        String url = ItDatabase.createPostgres("agent-results-it-" + RUN + "-" + databases++);
        return new SqliteTestDatabase(directory.resolve("unused.db")).start(SqliteTestDatabase.entityClasses(),
                SqliteToPostgres.postgres(new PostgresServer(url, ItDatabase.postgresUser(), ItDatabase.postgresPassword())));
    }
}
