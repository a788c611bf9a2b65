package com.papertrader.infrastructure.persistence;

import com.papertrader.application.security.ApiToken;
import com.papertrader.application.security.ApiTokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** {@link ApiTokenStore} in JPA: one transaction per call, writes under SQLite's write lock ({@link SqliteWriteLock}). */
@ApplicationScoped
@Transactional
public class JpaApiTokenStore implements ApiTokenStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(ApiToken token) {
        SqliteWriteLock.take(em);
        em.persist(token);
    }

    @Override
    public Optional<ApiToken> byHash(String tokenHash) {
        return em.createQuery("select t from ApiToken t where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    @Override
    public Optional<ApiToken> byId(String id) {
        return Optional.ofNullable(em.find(ApiToken.class, id));
    }

    @Override
    public List<ApiToken> all() {
        return em.createQuery("select t from ApiToken t order by t.createdAt desc, t.id", ApiToken.class).getResultList();
    }

    @Override
    public void update(ApiToken token) {
        SqliteWriteLock.take(em);
        em.merge(token);
    }
}
