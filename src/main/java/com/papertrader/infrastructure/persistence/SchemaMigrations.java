package com.papertrader.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The schema's one home: the versioned migrations in {@code db/migration/<vendor>} (Flyway), run at every start before
 * Hibernate's mapping is validated against the database ({@link DatabaseSchema}). A new database is created
 * by them; a database written by release 0.1, before there were migrations, is baselined at V1 (its schema is V1's)
 * and keeps every row; a database whose schema is newer than this application knows stops the start, naming both
 * versions, instead of being run by code that does not know its tables.
 */
public final class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    /** The version a database written before versioned migrations has: V1 is release 0.1's schema exactly. */
    static final String BASELINE_VERSION = "1";

    private SchemaMigrations() {
    }

    /**
     * Brings the database to the newest version the application knows.
     *
     * @return the schema version the database has now
     * @throws SchemaTooNewException when the database was migrated by a newer release
     */
    public static String migrate(DataSource dataSource) {
        return migrate(dataSource, MigrationVersion.LATEST);
    }

    /** Brings the database to {@code target} (tests: the schema as a version left it). */
    static String migrate(DataSource dataSource, MigrationVersion target) {
        Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .target(target)
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor(dataSource))
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE_VERSION)
                .baselineDescription("schema of release 0.1, before versioned migrations")
                .validateMigrationNaming(true)
                .load();
        requireKnownVersion(flyway.info());
        MigrateResult result = flyway.migrate();
        // A new database reports the version it reached; one already current (or just baselined) the one it had.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Database schema migrated from version " + (result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion)
                    + " to " + version + " (" + result.migrationsExecuted + " migrations)");
        } else {
            LOG.info(() -> "Database schema at version " + version);
        }
        return version;
    }

    private static void requireKnownVersion(MigrationInfoService info) {
        MigrationInfo current = info.current();
        MigrationVersion newestKnown = Arrays.stream(info.all())
                .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
        if (current != null && current.getVersion() != null && current.getVersion().isNewerThan(newestKnown.getVersion())) {
            throw new SchemaTooNewException(current.getVersion().getVersion(), newestKnown.getVersion());
        }
    }

    /** The migrations folder of the database's kind: db/migration/sqlite, db/migration/postgresql. */
    private static String vendor(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).replace(" ", "");
        } catch (SQLException e) {
            throw new IllegalStateException("The database cannot be reached to check its schema: " + e.getMessage(), e);
        }
    }

    /** A database written by a newer release than this one: running on it could lose or misread its rows. */
    public static final class SchemaTooNewException extends IllegalStateException {

        SchemaTooNewException(String databaseVersion, String applicationVersion) {
            super("The database has schema version " + databaseVersion + ", newer than this application knows (version "
                    + applicationVersion + "): a newer release of Paper Trader wrote it. Run that release, or restore a"
                    + " backup taken before the upgrade; this release does not start on it.");
        }
    }
}
