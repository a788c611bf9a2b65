package com.papertrader.infrastructure.persistence;

import org.hibernate.dialect.Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks Hibernate's dialect from the database the datasource reached: this application's {@link SqliteDialect} for
 * SQLite; for any other database (PostgreSQL) nothing, so Hibernate's own resolution picks its dialect for the server's
 * version. Registered as a Java service ({@code META-INF/services}), not through {@code hibernate.dialect_resolvers}:
 * Hibernate asks discovered resolvers first, and the community dialects' own one would answer SQLite before any
 * configured resolver; the application's classes come before its libraries, so this one is asked first.
 */
public final class ApplicationDialects implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "SQLite".equalsIgnoreCase(info.getDatabaseName()) ? new SqliteDialect(info) : null;
    }
}
