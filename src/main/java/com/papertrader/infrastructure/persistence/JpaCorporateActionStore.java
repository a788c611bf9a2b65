package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/** {@link CorporateActionStore} in JPA; writes take SQLite's write lock first ({@link SqliteWriteLock}). */
@ApplicationScoped
@Transactional
public class JpaCorporateActionStore implements CorporateActionStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public StoredActions store(List<CorporateAction> fetched, Coverage covered, Instant receivedAt) {
        SqliteWriteLock.take(em);
        Map<String, CorporateActionRecord> records = new HashMap<>();
        em.createNamedQuery(CorporateActionRecord.FROM, CorporateActionRecord.class).setParameter("from", covered.from())
                .getResultStream().forEach(record -> records.put(record.id(), record));
        Map<String, KnownAction> known = new HashMap<>();
        records.forEach((id, record) -> known.put(id, record.known()));
        StoredActions stored = StoredActions.between(known, fetched, covered);
        stored.added().forEach(action -> em.persist(new CorporateActionRecord(action, receivedAt)));
        stored.corrected().forEach(action -> records.get(action.key()).take(action));
        Stream.concat(stored.withdrawn().stream(), stored.refusedWithdrawals().stream())
                .forEach(action -> records.get(action.key()).withdraw(receivedAt));
        return stored;
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
                .map(CorporateActionRecord::known)
                .toList();
    }
}
