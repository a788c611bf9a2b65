package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.application.settings.DatabaseSettings.PostgresServer;
import com.papertrader.it.ItDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The desk's lease on the build's PostgreSQL cluster (failsafe execution {@code wildfly-postgresql}): of two servers on
 * one database exactly one holds it; the other takes it when the holder's session ends, whether it closed or was cut.
 */
class DatabaseDeskLeaseIT {

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final Instant T0 = Instant.parse("2026-06-10T14:00:00Z");
    private static int databases;

    private DatabaseSettings settings;
    private DatabaseDeskLease first;
    private DatabaseDeskLease second;

    @BeforeEach
    void twoServersOnOneDatabase() {
        assumeTrue(ItDatabase.postgres(), "runs in the failsafe execution on PostgreSQL");
        PostgresServer server = new PostgresServer(ItDatabase.createPostgres("lease-it-" + RUN + "-" + databases++),
                ItDatabase.postgresUser(), ItDatabase.postgresPassword());
        settings = new DatabaseSettings(Path.of("/unused"), Duration.ofSeconds(10), Optional.of(server));
        first = lease(T0);
        second = lease(T0.plusSeconds(60));
    }

    @AfterEach
    void closeSessions() {
        if (first != null) {
            first.close();
            second.close();
        }
    }

    private DatabaseDeskLease lease(Instant now) {
        DatabaseDeskLease lease = new DatabaseDeskLease();
        lease.settings = settings;
        lease.clock = Clock.fixed(now, ZoneOffset.UTC);
        return lease;
    }

    @Test
    void exactlyOneServerHoldsTheDesk() {
        assertTrue(first.hold());
        assertFalse(second.hold());
        assertTrue(first.hold(), "holding again is holding still");
        assertFalse(second.hold(), "and the other keeps standing by");

        assertEquals(Optional.of(T0), first.heldSince());
        assertEquals(Optional.empty(), second.heldSince());
        assertTrue(first.shared());
    }

    @Test
    void theStandbyTakesTheDeskWhenTheHolderStops() {
        assertTrue(first.hold());
        first.close();

        assertTrue(second.hold(), "the lock went with the holder's session");
        assertEquals(Optional.of(T0.plusSeconds(60)), second.heldSince());
        assertFalse(first.hold(), "the old holder, back, stands by");
    }

    @Test
    void aHolderWhoseSessionIsCutLosesTheDeskAndTheStandbyTakesIt() throws Exception {
        assertTrue(first.hold());
        try (Connection admin = SqliteToPostgres.postgres(settings.postgres().orElseThrow()).getConnection();
             Statement statement = admin.createStatement()) {
            // what a dead server or a broken network does to the holder's session
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
        }

        assertFalse(first.hold(), "a holder notices at its next tick that it holds nothing");
        assertTrue(second.hold());
    }

    @Test
    void onSqliteTheOnlyServerAlwaysHoldsTheDesk() {
        DatabaseDeskLease sqlite = new DatabaseDeskLease();
        sqlite.settings = new DatabaseSettings(Path.of("/unused"), Duration.ofSeconds(10), Optional.empty());
        sqlite.clock = Clock.fixed(T0, ZoneOffset.UTC);

        assertTrue(sqlite.hold());
        assertTrue(sqlite.hold());
        assertEquals(Optional.of(T0), sqlite.heldSince());
        assertFalse(sqlite.shared());
        assertTrue(sqlite.node().matches(".+/\\d+"), sqlite.node());
    }
}
