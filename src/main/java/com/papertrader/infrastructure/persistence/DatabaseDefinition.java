package com.papertrader.infrastructure.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Declares the application's own datasource, so the same WAR needs no server-side datasource on WildFly or Payara.
 * Which database (the SQLite file or PostgreSQL) comes from configuration inside {@link ConfiguredDataSource}, not
 * from this annotation, because annotation placeholders resolve differently on the two servers.
 */
@Singleton
@DataSourceDefinition(
        name = DatabaseDefinition.JNDI_NAME,
        className = "com.papertrader.infrastructure.persistence.ConfiguredDataSource",
        // WildFly wants at least one connection property: the name PostgreSQL shows for the connections.
        properties = "applicationName=paper-trader",
        minPoolSize = 1,
        maxPoolSize = DatabaseDefinition.MAX_POOL_SIZE)
public class DatabaseDefinition {

    public static final String JNDI_NAME = "java:app/jdbc/PaperTrader";
    /** The most connections the server's pool opens. */
    public static final int MAX_POOL_SIZE = 16;
}
