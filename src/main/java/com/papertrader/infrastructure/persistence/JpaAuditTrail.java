package com.papertrader.infrastructure.persistence;

import com.papertrader.application.audit.AuditEntry;
import com.papertrader.application.audit.AuditTrail;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** {@link AuditTrail} in JPA: one transaction per call, the write under SQLite's write lock ({@link SqliteWriteLock}). */
@ApplicationScoped
@Transactional
public class JpaAuditTrail implements AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(AuditEntry entry) {
        SqliteWriteLock.take(em);
        em.persist(entry);
    }

    @Override
    public long count() {
        return em.createQuery("select count(e) from AuditEntry e", Long.class).getSingleResult();
    }

    @Override
    public Page<AuditEntry> newestFirst(PageRequest page) {
        return Page.of(em.createQuery("select e from AuditEntry e order by e.id desc", AuditEntry.class)
                .setFirstResult(page.offset()).setMaxResults(page.size() + 1).getResultList(), page);
    }
}
