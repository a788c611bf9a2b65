package com.papertrader.infrastructure.persistence;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Set;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.env.spi.IdentifierCaseStrategy;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelper;
import org.hibernate.engine.jdbc.env.spi.IdentifierHelperBuilder;
import org.hibernate.engine.jdbc.env.spi.NameQualifierSupport;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;

/**
 * Hibernate's SQLite dialect, knowing that SQLite stores every integer column the same way (up to 8 bytes): the
 * schema validation then accepts a {@code long} id in an {@code integer} column, which is what makes it SQLite's
 * rowid (ohlcv_data, scan_records); how its tables are named; and that a refused key or constraint
 * is a constraint violation, as on any other database, whichever extended result code the driver reports for it.
 */
public class SqliteDialect extends SQLiteDialect {

    private static final Set<Integer> INTEGERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);
    /** SQLite's primary result code for a constraint; extended codes (1555 for a primary key) keep it in their low byte. */
    private static final int SQLITE_CONSTRAINT = 19;

    public SqliteDialect() {
    }

    /** The dialect for the SQLite version the driver reports (Hibernate started with the database's metadata: tests, tools). */
    public SqliteDialect(DialectResolutionInfo info) {
        super(info);
    }

    /**
     * Tables named without catalog or schema, as written: what SQLite's driver reports, said here because the server
     * starts Hibernate without asking the database ({@link ConfiguredDialect}), and Hibernate's assumptions otherwise
     * (upper-case names, catalogs and schemas) make the schema validation miss every table.
     */
    @Override
    public NameQualifierSupport getNameQualifierSupport() {
        return NameQualifierSupport.NONE;
    }

    @Override
    public IdentifierHelper buildIdentifierHelper(IdentifierHelperBuilder builder, DatabaseMetaData metadata) throws SQLException {
        if (metadata == null) {
            builder.setUnquotedCaseStrategy(IdentifierCaseStrategy.MIXED);
            builder.setQuotedCaseStrategy(IdentifierCaseStrategy.MIXED);
        }
        return super.buildIdentifierHelper(builder, metadata);
    }

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return INTEGERS.contains(typeCode1) && INTEGERS.contains(typeCode2) || super.equivalentTypes(typeCode1, typeCode2);
    }

    @Override
    public SQLExceptionConversionDelegate buildSQLExceptionConversionDelegate() {
        SQLExceptionConversionDelegate community = super.buildSQLExceptionConversionDelegate();
        return (exception, message, sql) -> (exception.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT
                ? new ConstraintViolationException(message, exception, sql, null)
                : community == null ? null : community.convert(exception, message, sql);
    }
}
