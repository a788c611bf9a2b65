package com.papertrader.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's own datasource, so the same WAR needs no server-side datasource on WildFly or Payara.
 * The file location comes from configuration inside {@link SqliteDataSource}, not from this annotation,
 * because annotation placeholders resolve differently on the two servers.
 */
@Singleton
@DataSourceDefinition(
        name = DatabaseDefinition.JNDI_NAME,
        className = "com.papertrader.infrastructure.persistence.SqliteDataSource",
        // WildFly wants at least one connection property; WAL is the one this database must always have.
        properties = "journalMode=WAL",
        minPoolSize = 1,
        maxPoolSize = 16)
public class DatabaseDefinition {

    public static final String JNDI_NAME = "java:app/jdbc/PaperTrader";
}
