package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.jpa.HibernateHints;

/** {@link CorporateActionStore} in JPA; writes take SQLite's write lock first ({@link SqliteWriteLock}). */
@ApplicationScoped
@Transactional
public class JpaCorporateActionStore implements CorporateActionStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public StoredActions store(List<CorporateAction> actions, Instant receivedAt) {
        SqliteWriteLock.take(em);
        List<CorporateAction> added = new ArrayList<>();
        List<CorporateAction> corrected = new ArrayList<>();
        List<CorporateAction> refused = new ArrayList<>();
        for (CorporateAction action : actions) {
            CorporateActionRecord stored = em.find(CorporateActionRecord.class, action.key());
            if (stored == null) {
                em.persist(new CorporateActionRecord(action, receivedAt));
                added.add(action);
            } else if (!stored.action().equals(action)) {
                if (stored.appliedAt() == null) {
                    stored.take(action);
                    corrected.add(action);
                } else {
                    refused.add(action);
                }
            }
        }
        return new StoredActions(added, corrected, refused);
    }

    @Override
    public List<Split> appliedSplits(String ticker) {
        return em.createNamedQuery(CorporateActionRecord.APPLIED_SPLITS, CorporateActionRecord.class)
                .setParameter("ticker", ticker)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultStream()
                .map(record -> (Split) record.action())
                .toList();
    }

    @Override
    public List<KnownAction> all() {
        return em.createNamedQuery(CorporateActionRecord.ALL, CorporateActionRecord.class).getResultStream()
                .map(record -> new KnownAction(record.action(), record.receivedAt(), record.appliedAt()))
                .toList();
    }
}
