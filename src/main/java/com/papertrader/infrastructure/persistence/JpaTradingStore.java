package com.papertrader.infrastructure.persistence;

import com.papertrader.application.scanning.ScanChanges;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The broker's state in SQLite: the database is the truth the broker is rebuilt from at start-up and after a failed
 * save. Writes happen once per bar event, after the broker has processed all its bars in memory. Every method runs in a
 * transaction, reads too, so no pooled connection is left in an open read transaction (see {@link JpaBarRepository});
 * every write takes SQLite's write lock first ({@link SqliteWriteLock}).
 */
@ApplicationScoped
@Transactional
public class JpaTradingStore {

    @PersistenceContext
    EntityManager em;

    public List<Account> accounts() {
        return em.createQuery("select a from Account a", Account.class).getResultList();
    }

    public List<Position> openPositions() {
        return em.createNamedQuery(Position.FIND_OPEN, Position.class).getResultList();
    }

    /**
     * The orders the broker must know: every working one (with its events), and every order of a bar at or after
     * {@code since}, which a backfill or a re-scan may meet again and must not place twice.
     */
    public Collection<Order> ordersToRemember(Instant since) {
        Map<String, Order> orders = new LinkedHashMap<>();
        // A list, not a stream: streamed, a join fetch hands out each order once per event row, each with only that
        // event, and the restored order would number its next event over one already saved.
        em.createNamedQuery(Order.FIND_WORKING, Order.class).getResultList().forEach(o -> orders.put(o.id(), o));
        em.createQuery("select o from Order o where o.barTime >= :since", Order.class)
                .setParameter("since", since)
                .getResultStream()
                .forEach(o -> orders.putIfAbsent(o.id(), o));
        return orders.values();
    }

    public Map<String, Instant> cursors() {
        return em.createQuery("select c from BarCursor c", BarCursor.class).getResultStream()
                .collect(Collectors.toMap(BarCursor::ticker, BarCursor::processedThrough));
    }

    public List<Agent> agents() {
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultList();
    }

    /** The agent as stored now (detached: change it, then {@link #saveAgent}). */
    public Optional<Agent> agent(AgentId id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    public Optional<Agent> agentNamed(String name) {
        return em.createNamedQuery("Agent.findByName", Agent.class).setParameter("name", name).getResultStream().findFirst();
    }

    /**
     * An agent added or changed at run time, with the account opened for it, in one transaction.
     *
     * @return the agent as saved
     */
    public Agent saveAgent(Agent agent, Optional<Account> openedAccount) {
        SqliteWriteLock.take(em);
        openedAccount.ifPresent(em::merge);
        return em.merge(agent);
    }

    /** Deletes an agent with the cancellations of its orders; its orders, fills and scan records stay. */
    public void deleteAgent(AgentId id, List<BrokerChanges> canceled) {
        SqliteWriteLock.take(em);
        saveAll(canceled);
        Agent agent = em.find(Agent.class, id);
        if (agent != null) {
            em.remove(agent);
        }
    }

    /** An account started again, with the cancellations of its orders. */
    public void saveReset(Account account, List<BrokerChanges> canceled) {
        SqliteWriteLock.take(em);
        saveAll(canceled);
        em.merge(account);
    }

    /** @return the agents as saved */
    public List<Agent> saveAgents(Collection<Agent> agents) {
        SqliteWriteLock.take(em);
        return agents.stream().map(em::merge).toList();
    }

    /**
     * Everything one bar event changed, in one transaction: the broker's changes, the scans' records and agents, and
     * the tickers' new cursors. So a crash leaves either all of it or none, and the bars are processed again.
     *
     * @return the agents as saved (their versions moved on)
     */
    public List<Agent> save(List<BrokerChanges> changes, ScanChanges scans, Map<String, Instant> cursors) {
        SqliteWriteLock.take(em);
        saveAll(changes);
        scans.records().forEach(em::persist);
        List<Agent> agents = scans.agents().stream().map(em::merge).toList();
        cursors.forEach((ticker, through) -> em.merge(new BarCursor(ticker, through)));
        return agents;
    }

    private void saveAll(List<BrokerChanges> changes) {
        changes.forEach(change -> change.entitiesToSave().forEach(em::merge));
    }

    /** Accounts opened outside a bar (a new agent's), saved at once. */
    public void save(Account account) {
        SqliteWriteLock.take(em);
        em.merge(account);
    }
}
