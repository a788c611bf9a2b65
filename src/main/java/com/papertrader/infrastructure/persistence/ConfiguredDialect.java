package com.papertrader.infrastructure.persistence;

import com.papertrader.infrastructure.config.SettingsLoader;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.service.spi.ServiceContributor;

/**
 * Hibernate's dialect from the configuration, not from the database: the server's persistence unit starts without
 * asking the database anything ({@code hibernate.boot.allow_jdbc_metadata_access=false}), so the application deploys
 * and reports a database that is not there yet ({@link DatabaseSchema}) instead of failing. PostgreSQL when
 * {@code papertrader.db.url} is set, this application's {@link SqliteDialect} otherwise; a dialect set explicitly
 * (tests and tools starting Hibernate themselves) is left alone. Registered as a Java service ({@code META-INF/services}).
 */
public final class ConfiguredDialect implements ServiceContributor {

    /** PostgreSQL's oldest version Hibernate 6.6 supports (PostgreSQLDialect's minimum). */
    private static final String MIN_POSTGRES_VERSION = "12";

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        if (registry.getSettings().containsKey(JdbcSettings.DIALECT)) {
            return;
        }
        if (SettingsLoader.load().database().postgres().isPresent()) {
            // named, not its dialect class: Hibernate picks its own PostgreSQL dialect (and warns when that is named),
            // for the oldest version it supports: the SQL it writes then runs on every newer server
            registry.applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL");
            registry.applySetting(JdbcSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, MIN_POSTGRES_VERSION);
        } else {
            registry.applySetting(JdbcSettings.DIALECT, SqliteDialect.class.getName());
        }
    }
}
