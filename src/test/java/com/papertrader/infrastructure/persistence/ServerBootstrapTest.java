package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.nio.file.Path;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate as the server starts it: without asking the database anything at start ({@code
 * hibernate.boot.allow_jdbc_metadata_access=false}), with the dialect {@link ConfiguredDialect} gives SQLite, and the
 * mapping validated after the migrations ({@link DatabaseSchema}).
 */
class ServerBootstrapTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheDatabasesMetadataTheMappingValidatesAgainstTheMigratedSqliteFile() {
        SqliteTestDatabase database = new SqliteTestDatabase(dir.resolve("paper-trader.db"));
        SchemaMigrations.migrate(database.dataSource());
        Configuration configuration = new Configuration();
        SqliteTestDatabase.entityClasses().forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("hibernate.connection.datasource", database.dataSource());
        try (SessionFactory factory = configuration
                .setProperty("jakarta.persistence.transactionType", "RESOURCE_LOCAL")
                .setProperty("hibernate.boot.allow_jdbc_metadata_access", "false")
                .setProperty("hibernate.dialect", SqliteDialect.class.getName()) // what ConfiguredDialect sets for SQLite
                .setProperty("hibernate.type.json_format_mapper", SqliteTestDatabase.NoJson.class.getName())
                .buildSessionFactory()) {
            assertDoesNotThrow(() -> factory.getSchemaManager().validateMappedObjects());
        }
    }
}
