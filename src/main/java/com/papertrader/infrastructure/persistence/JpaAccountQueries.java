package com.papertrader.infrastructure.persistence;

import com.papertrader.application.reporting.AccountQueries;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

/** {@link AccountQueries} in JPA. Reads run in a transaction for the reason given on {@link JpaBarStore}. */
@ApplicationScoped
@Transactional
public class JpaAccountQueries implements AccountQueries {

    @PersistenceContext
    EntityManager em;

    @Override
    public List<Account> accounts() {
        return em.createQuery("select a from Account a order by a.id", Account.class).getResultList();
    }

    @Override
    public Optional<Account> account(AccountId id) {
        return Optional.ofNullable(em.find(Account.class, id.value()));
    }

    @Override
    public Map<String, List<Agent>> agentsByAccount() {
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultStream()
                .collect(Collectors.groupingBy(Agent::getAccountId, LinkedHashMap::new, Collectors.toList()));
    }

    @Override
    public List<EquitySnapshot> equityCurve(AccountId account, int count) {
        List<EquitySnapshot> points = new ArrayList<>(em.createQuery(
                        "select s from EquitySnapshot s where s.accountId = :account order by s.takenAt desc", EquitySnapshot.class)
                .setParameter("account", account.value())
                .setMaxResults(count)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList());
        Collections.reverse(points);
        return points;
    }

    @Override
    public Page<LedgerEntry> ledger(AccountId account, PageRequest page) {
        return Page.of(em.createQuery("select e from LedgerEntry e where e.accountId = :account"
                        + " order by e.occurredAt desc, e.id desc", LedgerEntry.class)
                .setParameter("account", account.value())
                .setFirstResult(page.offset())
                .setMaxResults(page.size() + 1)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList(), page);
    }

    @Override
    public Optional<Instant> lastReset(AccountId account) {
        return Optional.ofNullable(em.createQuery("select max(e.occurredAt) from LedgerEntry e where e.accountId = :account and e.kind = :reset",
                        Instant.class)
                .setParameter("account", account.value())
                .setParameter("reset", LedgerEntry.Kind.RESET)
                .getSingleResult());
    }

    @Override
    public List<EquitySnapshot> equitySince(AccountId account, Instant since) {
        return em.createQuery("select s from EquitySnapshot s where s.accountId = :account and s.takenAt >= :since order by s.takenAt",
                        EquitySnapshot.class)
                .setParameter("account", account.value())
                .setParameter("since", since)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    @Override
    public List<Fill> fillsSince(AccountId account, Instant since) {
        return em.createQuery("select f from Fill f where f.accountId = :account and f.filledAt >= :since order by f.filledAt, f.id", Fill.class)
                .setParameter("account", account.value())
                .setParameter("since", since)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }

    @Override
    public Optional<Instant> newestBarTraded() {
        Long newest = em.createQuery("select max(c.processedThrough) from BarCursor c", Long.class).getSingleResult();
        return Optional.ofNullable(newest).map(Instant::ofEpochMilli);
    }
}
