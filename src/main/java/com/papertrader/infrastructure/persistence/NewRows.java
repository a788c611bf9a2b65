package com.papertrader.infrastructure.persistence;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hibernate.Interceptor;

/**
 * Tells Hibernate which of the entities being merged are new rows (order events, fills, ledger entries the broker has
 * just made, and what the store's preload did not find), so that merging them inserts them without first selecting
 * each by its id to find out. Every entity has
 * an id the domain assigns, so without this Hibernate cannot tell a new one from a detached one: a day's corporate
 * actions for 3,000 tickers would cost thousands of such selects. The rows are named for the duration of one save
 * on the saving thread ({@link #during}); every other entity is left to Hibernate. Registered for the session factory
 * ({@code hibernate.session_factory.interceptor}).
 */
public final class NewRows implements Interceptor {

    private static final ThreadLocal<Set<Object>> SAVING = new ThreadLocal<>();

    /** Runs {@code save} with {@code rows} known to be new. */
    static void during(Collection<?> rows, Runnable save) {
        Set<Object> known = Collections.newSetFromMap(new IdentityHashMap<>());
        known.addAll(rows);
        SAVING.set(known);
        try {
            save.run();
        } finally {
            SAVING.remove();
        }
    }

    @Override
    public Boolean isTransient(Object entity) {
        Set<Object> known = SAVING.get();
        return known != null && known.contains(entity) ? Boolean.TRUE : null;
    }
}
