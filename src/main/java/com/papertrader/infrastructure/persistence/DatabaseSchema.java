package com.papertrader.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * The unique keys and indexes Hibernate's schema update leaves out: the SQLite dialect silently emits no unique
 * constraints or indexes (checked with hibernate-community-dialects 6.6.40). They carry correctness (each bar stored
 * once, each order placed once) or keep the read pages fast on many orders, so they are created here, idempotently,
 * before any bean that writes starts.
 * Beans that write at start-up declare {@code @DependsOn("DatabaseSchema")}.
 */
@Singleton
@Startup
public class DatabaseSchema {

    private static final Logger LOG = Logger.getLogger(DatabaseSchema.class.getName());

    private static final List<String> UNIQUE_KEYS = List.of(
            "CREATE UNIQUE INDEX IF NOT EXISTS ux_ohlcv_ticker_start ON ohlcv_data (ticker, bar_start)");

    /**
     * The read pages list newest first, filtered by agent or ticker: each listing's ORDER BY walks an index. The chart
     * reads a ticker's fills for its markers, the accounts page an account's equity curve.
     */
    private static final List<String> READ_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS ix_orders_created ON orders (createdAt, id)",
            "CREATE INDEX IF NOT EXISTS ix_orders_agent_created ON orders (agentId, createdAt, id)",
            "CREATE INDEX IF NOT EXISTS ix_orders_ticker_created ON orders (ticker, createdAt, id)",
            "CREATE INDEX IF NOT EXISTS ix_order_events_order ON order_events (order_id)",
            "CREATE INDEX IF NOT EXISTS ix_fills_filled ON fills (filledAt, id)",
            "CREATE INDEX IF NOT EXISTS ix_fills_order ON fills (orderId)",
            "CREATE INDEX IF NOT EXISTS ix_positions_opened ON positions (openedAt, id)",
            "CREATE INDEX IF NOT EXISTS ix_scan_records_agent ON scan_records (agentId, barTime)",
            "CREATE INDEX IF NOT EXISTS ix_fills_ticker_time ON fills (ticker, filledAt)",
            "CREATE INDEX IF NOT EXISTS ix_equity_account_time ON equity_snapshots (accountId, takenAt)");

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void createIndexes() {
        UNIQUE_KEYS.forEach(ddl -> em.createNativeQuery(ddl).executeUpdate());
        READ_INDEXES.forEach(ddl -> em.createNativeQuery(ddl).executeUpdate());
        LOG.fine(() -> UNIQUE_KEYS.size() + " unique keys and " + READ_INDEXES.size() + " read indexes in place");
    }
}
