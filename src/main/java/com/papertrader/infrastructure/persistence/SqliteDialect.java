package com.papertrader.infrastructure.persistence;

import java.sql.Types;
import java.util.Set;
import org.hibernate.community.dialect.SQLiteDialect;

/**
 * Hibernate's SQLite dialect, knowing that SQLite stores every integer column the same way (up to 8 bytes): the
 * schema validation then accepts a {@code long} id in an {@code integer} column, which is what makes it SQLite's
 * rowid (ohlcv_data, scan_records).
 */
public class SqliteDialect extends SQLiteDialect {

    private static final Set<Integer> INTEGERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT);

    @Override
    public boolean equivalentTypes(int typeCode1, int typeCode2) {
        return INTEGERS.contains(typeCode1) && INTEGERS.contains(typeCode2) || super.equivalentTypes(typeCode1, typeCode2);
    }
}
