package com.papertrader.infrastructure.persistence;

import com.papertrader.application.trading.OrderAlreadyStored;
import com.papertrader.application.trading.TradingChanges;
import com.papertrader.application.trading.TradingStore;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.agent.ScriptVersion;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.risk.KillSwitch;
import com.papertrader.domain.trading.risk.RefusalCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.exception.ConstraintViolationException;

/**
 * {@link TradingStore} in JPA. Writes happen once per bar event, after the broker has processed all its bars in memory.
 * Every method runs in a transaction, reads too, so no pooled connection is left in an open read transaction (see
 * {@link JpaBarStore}); every write takes SQLite's write lock first ({@link SqliteWriteLock}).
 */
@ApplicationScoped
@Transactional
public class JpaTradingStore implements TradingStore {

    /** Well under SQLite's limit of bound parameters in one statement. */
    private static final int IDS_PER_STATEMENT = 500;
    /** Rows written in one JDBC batch: a day's corporate actions write thousands. */
    private static final int JDBC_BATCH_SIZE = 200;
    private static final String REFUSED = "o.agentId = :agentId and o.status = com.papertrader.domain.trading.order.OrderStatus.REJECTED";
    /** An agent's refused orders from the newest (ix_orders_agent_status_created). */
    private static final String REFUSED_NEWEST_FIRST = "select o.createdAt, o.id from Order o where " + REFUSED
            + " order by o.createdAt desc, o.id desc";
    /** An agent's refused orders up to one (by creation, then id). */
    private static final String REFUSED_UP_TO = "select o.id from Order o where " + REFUSED
            + " and (o.createdAt < :createdAt or (o.createdAt = :createdAt and o.id <= :id))";

    @PersistenceContext
    EntityManager em;

    @Override
    public List<Account> accounts() {
        return em.createQuery("select a from Account a", Account.class).getResultList();
    }

    @Override
    public List<Position> positionsClosedSince(Instant since) {
        return em.createQuery("select p from Position p where p.closedAt >= :since", Position.class)
                .setParameter("since", since).getResultList();
    }

    @Override
    public Optional<KillSwitch> killSwitch() {
        return em.createQuery("select k from KillSwitch k", KillSwitch.class).getResultStream().findFirst();
    }

    @Override
    public void saveKillSwitch(KillSwitch engaged, List<BrokerChanges> closes) {
        SqliteWriteLock.take(em);
        em.merge(engaged);
        saveAll(closes);
    }

    @Override
    public void deleteKillSwitch() {
        SqliteWriteLock.take(em);
        em.createQuery("delete from KillSwitch").executeUpdate();
    }

    @Override
    public List<Position> openPositions() {
        return em.createNamedQuery(Position.FIND_OPEN, Position.class).getResultList();
    }

    @Override
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

    @Override
    public Map<String, Instant> cursors() {
        return em.createQuery("select c from BarCursor c", BarCursor.class).getResultStream()
                .collect(Collectors.toMap(BarCursor::ticker, BarCursor::processedThrough));
    }

    @Override
    public List<Agent> agents() {
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultList();
    }

    @Override
    public Optional<Agent> agent(AgentId id) {
        return Optional.ofNullable(em.find(Agent.class, id));
    }

    @Override
    public Optional<Agent> agentNamed(String name) {
        return em.createNamedQuery("Agent.findByName", Agent.class).setParameter("name", name).getResultStream().findFirst();
    }

    @Override
    public Agent saveAgent(Agent agent, Optional<Account> openedAccount) {
        SqliteWriteLock.take(em);
        openedAccount.ifPresent(this::saveAccount);
        keepScript(agent);
        return em.merge(agent);
    }

    @Override
    public List<Agent> saveAgents(Collection<Agent> agents) {
        SqliteWriteLock.take(em);
        agents.forEach(this::keepScript);
        return agents.stream().map(em::merge).toList();
    }

    /** The agent's script as a version of its history, the first time it is saved. */
    private void keepScript(Agent agent) {
        if (em.find(ScriptVersion.class, ScriptVersion.idOf(agent.getId(), agent.getScriptHash())) == null) {
            em.persist(new ScriptVersion(agent, agent.getUpdatedAt()));
        }
    }

    @Override
    public void deleteAgent(AgentId id, List<BrokerChanges> canceled) {
        SqliteWriteLock.take(em);
        saveAll(canceled);
        Agent agent = em.find(Agent.class, id);
        if (agent != null) {
            em.remove(agent);
        }
    }

    @Override
    public void saveReset(Account account, List<BrokerChanges> canceled) {
        SqliteWriteLock.take(em);
        saveAll(canceled);
        saveAccount(account);
    }

    @Override
    public void save(BrokerChanges changes) {
        SqliteWriteLock.take(em);
        saveAll(List.of(changes));
    }

    @Override
    public void save(Account account) {
        SqliteWriteLock.take(em);
        saveAccount(account);
    }

    @Override
    public void save(TradingChanges changes) {
        SqliteWriteLock.take(em);
        // The bulk updates first, while the persistence context is empty: each one flushes it otherwise, and a day's
        // corporate actions would dirty-check thousands of merged entities thousands of times.
        markApplied(changes.appliedActions());
        changes.agentsChanged().forEach(agent -> em.createNamedQuery(Agent.UPDATE_SCAN_HEALTH)
                .setParameter("id", agent.getId())
                .setParameter("state", agent.getState())
                .setParameter("lastError", agent.getLastError().orElse(null))
                .setParameter("consecutiveErrors", agent.getConsecutiveErrors())
                .executeUpdate());
        changes.refusalCounts().forEach(this::addRefusals);
        // scans and cursors as rows too: thousands a bar event at a large universe, which merged would each be read
        // first and then dirty-checked at every flush of the deletes below
        writeRows(rows -> {
            write(rows, changes.broker());
            changes.scans().forEach(rows::insert);
            changes.cursors().forEach((ticker, through) -> rows.upsert(new BarCursor(ticker, through)));
        });
        changes.refusalCounts().stream().map(RefusalCount::agentId).distinct()
                .forEach(agent -> deleteOlderRefusedOrders(agent, changes.refusedOrdersKept()));
        for (boolean failed : new boolean[] {false, true}) {
            changes.scans().stream().filter(scan -> scan.error().isPresent() == failed).map(ScanRecord::agentId).distinct()
                    .forEach(agent -> deleteOlderScans(agent, failed, changes.scanRecordsKept()));
        }
    }

    /** The agent's scans with signals (or its failed scans) older than its newest {@code kept}. */
    private void deleteOlderScans(String agentId, boolean failed, int kept) {
        String ofAgent = "s.agentId = :agentId and s.error is " + (failed ? "not null" : "null");
        List<Object[]> newestDeleted = em.createQuery("select s.barTime, s.id from ScanRecord s where " + ofAgent
                        + " order by s.barTime desc, s.id desc", Object[].class)
                .setParameter("agentId", agentId).setFirstResult(kept).setMaxResults(1).getResultList();
        if (!newestDeleted.isEmpty()) {
            em.createQuery("delete from ScanRecord s where " + ofAgent + " and (s.barTime < :barTime or (s.barTime = :barTime and s.id <= :id))")
                    .setParameter("agentId", agentId)
                    .setParameter("barTime", newestDeleted.get(0)[0])
                    .setParameter("id", newestDeleted.get(0)[1])
                    .executeUpdate();
        }
    }

    /** Adds to the stored count (one update), or stores it: a day's first refusal by this rule. */
    private void addRefusals(RefusalCount count) {
        int updated = em.createNamedQuery(RefusalCountRecord.ADD)
                .setParameter("id", RefusalCountRecord.idOf(count))
                .setParameter("refusals", count.refusals())
                .setParameter("lastReason", count.lastReason())
                .setParameter("lastAt", count.lastAt())
                .executeUpdate();
        if (updated == 0) {
            em.persist(new RefusalCountRecord(count));
        }
    }

    /** The agent's refused orders older than its newest {@code kept}, with their events (they are counted). */
    private void deleteOlderRefusedOrders(String agentId, int kept) {
        List<Object[]> newestDeleted = em.createQuery(REFUSED_NEWEST_FIRST, Object[].class)
                .setParameter("agentId", agentId)
                .setFirstResult(kept)
                .setMaxResults(1)
                .getResultList();
        if (newestDeleted.isEmpty()) {
            return;
        }
        for (String delete : List.of("delete from OrderEvent e where e.order.id in (" + REFUSED_UP_TO + ")",
                "delete from Order x where x.id in (" + REFUSED_UP_TO + ")")) {
            em.createQuery(delete)
                    .setParameter("agentId", agentId)
                    .setParameter("createdAt", newestDeleted.get(0)[0])
                    .setParameter("id", newestDeleted.get(0)[1])
                    .executeUpdate();
        }
    }

    /** One update per bar start and {@value #IDS_PER_STATEMENT} actions, not one per action. */
    private void markApplied(Map<String, Instant> appliedActions) {
        Map<Instant, List<String>> byBar = new TreeMap<>();
        appliedActions.forEach((key, at) -> byBar.computeIfAbsent(at, bar -> new ArrayList<>()).add(key));
        byBar.forEach((at, keys) -> {
            for (int from = 0; from < keys.size(); from += IDS_PER_STATEMENT) {
                em.createNamedQuery(CorporateActionRecord.MARK_APPLIED)
                        .setParameter("ids", keys.subList(from, Math.min(keys.size(), from + IDS_PER_STATEMENT)))
                        .setParameter("at", at)
                        .executeUpdate();
            }
        });
    }

    /**
     * Writes the changes straight to their rows, through a stateless session on this transaction's connection: new
     * orders, their events, fills and ledger entries are inserted, known orders updated, positions, accounts and
     * snapshots upserted. Nothing is read first, so a day's corporate actions touching thousands of orders and
     * positions cost their writes only. An order is inserted, never merged over: a second order with a stored client
     * order id is refused by the primary key ({@link OrderAlreadyStored}).
     */
    private void saveAll(List<BrokerChanges> changes) {
        writeRows(rows -> write(rows, changes));
    }

    /**
     * Runs {@code writes} in a stateless session on this transaction's connection. Every trading row (orders, events,
     * fills, positions, accounts, snapshots, ledger, a bar event's scans and cursors) is written this way, never also
     * merged through the persistence context, so no row is written twice in one transaction.
     */
    private void writeRows(Consumer<StatelessSession> writes) {
        Session session = em.unwrap(Session.class);
        session.doWork(connection -> {
            try (StatelessSession rows = session.getSessionFactory().withStatelessOptions().connection(connection).openStatelessSession()) {
                rows.setJdbcBatchSize(JDBC_BATCH_SIZE);
                writes.accept(rows);
                // the last batch: a stateless session on a borrowed connection does not run it when it closes
                executeBatch(rows);
            }
        });
    }

    /**
     * The changes' rows, kind by kind in the changes' order (so consecutive statements share a JDBC batch): the new
     * orders first, as their events and fills refer to them.
     */
    private static void write(StatelessSession rows, List<BrokerChanges> changes) {
        insertPlaced(rows, changes.stream().flatMap(change -> change.placed().stream()).toList());
        for (BrokerChanges change : changes) {
            Set<Order> placed = Collections.newSetFromMap(new IdentityHashMap<>());
            placed.addAll(change.placed());
            change.orders().stream().filter(order -> !placed.contains(order)).forEach(rows::update);
        }
        changes.forEach(change -> change.events().forEach(rows::insert));
        changes.forEach(change -> change.fills().forEach(rows::insert));
        changes.forEach(change -> change.positions().forEach(rows::upsert));
        changes.forEach(change -> change.accounts().forEach(rows::upsert));
        changes.forEach(change -> change.snapshots().forEach(rows::upsert));
        changes.forEach(change -> change.ledger().forEach(rows::insert));
    }

    /**
     * New orders, inserted in batches of their own (a bar event at a large universe places thousands, most of them
     * refused by risk rules), so that a taken client order id is known to be one of its batch's.
     */
    private static void insertPlaced(StatelessSession rows, List<Order> placed) {
        executeBatch(rows);
        for (int from = 0; from < placed.size(); from += JDBC_BATCH_SIZE) {
            List<Order> batch = placed.subList(from, Math.min(placed.size(), from + JDBC_BATCH_SIZE));
            try {
                batch.forEach(rows::insert);
                executeBatch(rows);
            } catch (ConstraintViolationException e) {
                throw new OrderAlreadyStored(batch.stream().map(Order::id).toList());
            }
        }
    }

    private static void executeBatch(StatelessSession rows) {
        ((SharedSessionContractImplementor) rows).getJdbcCoordinator().executeBatch();
    }

    /** An account changed outside a bar event, with the ledger entries it made. */
    private void saveAccount(Account account) {
        writeRows(rows -> {
            rows.upsert(account);
            account.takeNewLedgerEntries().forEach(rows::insert);
        });
    }
}
