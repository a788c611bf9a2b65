package com.papertrader.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The unique keys Hibernate's schema update leaves out: the SQLite dialect silently emits no unique constraints or
 * indexes (checked with hibernate-community-dialects 6.6.40). They carry correctness (each bar stored once, each
 * order placed once), so they are created here, idempotently, before any bean that writes starts.
 * Beans that write at start-up declare {@code @DependsOn("DatabaseSchema")}.
 */
@Singleton
@Startup
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    private static final List<String> UNIQUE_KEYS = List.of(
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_ohlcv_ticker_start ON ohlcv_data (ticker, bar_start)");

    /** Indexes the pages' reads need: a ticker's fills for the chart markers, an account's equity curve. */
    private static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS ix_fills_ticker_time ON fills (ticker, filledAt)",
            "CREATE INDEX IF NOT EXISTS ix_equity_account_time ON equity_snapshots (accountId, takenAt)");

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void createKeysAndIndexes() {
        UNIQUE_KEYS.forEach(ddl -> em.createNativeQuery(ddl).executeUpdate());
        INDEXES.forEach(ddl -> em.createNativeQuery(ddl).executeUpdate());
        LOG.fine(() -> UNIQUE_KEYS.size() + " unique keys and " + INDEXES.size() + " indexes in place");
    }
}
