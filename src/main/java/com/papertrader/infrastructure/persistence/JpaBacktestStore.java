package com.papertrader.infrastructure.persistence;

import com.papertrader.application.backtest.BacktestResult;
import com.papertrader.application.backtest.BacktestRun;
import com.papertrader.application.backtest.BacktestStore;
import com.papertrader.application.backtest.BacktestSweep;
import com.papertrader.application.backtest.WalkForward;
import com.papertrader.application.backtest.WalkForwardRunner;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link BacktestStore} in JPA. One transaction per call; every write takes SQLite's write lock first
 * ({@link SqliteWriteLock}): a run saves while the poller stores bars.
 */
@ApplicationScoped
@Transactional
public class JpaBacktestStore implements BacktestStore {

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(BacktestRun run) {
        SqliteWriteLock.take(em);
        em.persist(run);
    }

    @Override
    public void started(String id, long totalBars) {
        SqliteWriteLock.take(em);
        em.find(BacktestRun.class, id).started(totalBars);
    }

    @Override
    public void finished(String id, BacktestResult result, Instant at) {
        SqliteWriteLock.take(em);
        em.find(BacktestRun.class, id).finished(result, at);
    }

    @Override
    public void failed(String id, String reason, Instant at) {
        SqliteWriteLock.take(em);
        em.find(BacktestRun.class, id).failed(reason, at);
    }

    @Override
    public Optional<BacktestRun> find(String id) {
        BacktestRun run = em.find(BacktestRun.class, id);
        if (run != null) {
            run.getTrades().size();
            run.getEquity().size();
            run.getHoldings().size();
        }
        return Optional.ofNullable(run);
    }

    @Override
    public List<BacktestRun> all() {
        return em.createNamedQuery(BacktestRun.FIND_ALL, BacktestRun.class).getResultList();
    }

    @Override
    public void addSweep(BacktestSweep sweep, List<BacktestRun> sweepRuns) {
        SqliteWriteLock.take(em);
        em.persist(sweep);
        sweepRuns.forEach(em::persist);
    }

    @Override
    public Optional<BacktestSweep> findSweep(String id) {
        return Optional.ofNullable(em.find(BacktestSweep.class, id));
    }

    @Override
    public List<BacktestSweep> sweeps() {
        return em.createNamedQuery(BacktestSweep.FIND_ALL, BacktestSweep.class).getResultList();
    }

    @Override
    public List<BacktestRun> runsOf(String sweepId) {
        return em.createNamedQuery(BacktestRun.FIND_BY_SWEEP, BacktestRun.class).setParameter("sweep", sweepId).getResultList();
    }

    @Override
    public void sweepRunning(String id) {
        SqliteWriteLock.take(em);
        em.find(BacktestSweep.class, id).running();
    }

    @Override
    public void sweepEnded(String id, boolean canceled, Instant at) {
        SqliteWriteLock.take(em);
        em.find(BacktestSweep.class, id).ended(canceled, at);
    }

    @Override
    public void sweepFailed(String id, String reason, Instant at) {
        SqliteWriteLock.take(em);
        em.find(BacktestSweep.class, id).failed(reason, at);
    }

    @Override
    public List<BacktestRun> requeue(String sweepId) {
        SqliteWriteLock.take(em);
        em.find(BacktestSweep.class, sweepId).queuedAgain();
        List<BacktestRun> unfinished = runsOf(sweepId).stream()
                .filter(run -> run.getStatus() != BacktestRun.Status.DONE && run.getStatus() != BacktestRun.Status.FAILED).toList();
        unfinished.forEach(BacktestRun::queuedAgain);
        return unfinished;
    }

    @Override
    public void addWalkForward(WalkForward test) {
        SqliteWriteLock.take(em);
        em.persist(test);
    }

    @Override
    public Optional<WalkForward> findWalkForward(String id) {
        WalkForward test = em.find(WalkForward.class, id);
        if (test != null) {
            test.getWindows().size();
            test.getEquity().size();
        }
        return Optional.ofNullable(test);
    }

    @Override
    public List<WalkForward> walkForwards() {
        return em.createNamedQuery(WalkForward.FIND_ALL, WalkForward.class).getResultList();
    }

    @Override
    public void walkForwardStarted(String id, int windows) {
        SqliteWriteLock.take(em);
        em.find(WalkForward.class, id).started(windows);
    }

    @Override
    public void walkForwardFinished(String id, WalkForwardRunner.Result result, Instant at) {
        SqliteWriteLock.take(em);
        em.find(WalkForward.class, id).finished(result, at);
    }

    @Override
    public void walkForwardFailed(String id, String reason, Instant at) {
        SqliteWriteLock.take(em);
        em.find(WalkForward.class, id).failed(reason, at);
    }

    @Override
    public List<Order> liveOrders(String agentId, Instant from, Instant to) {
        List<Order> orders = em.createQuery("select o from Order o where o.agentId = :agent and o.barTime >= :from"
                        + " and o.barTime < :to order by o.id", Order.class)
                .setParameter("agent", agentId).setParameter("from", from).setParameter("to", to).getResultList();
        orders.forEach(order -> order.events().size());
        return orders;
    }

    @Override
    public List<Fill> liveFills(String agentId, Instant from, Instant to) {
        return em.createQuery("select f from Fill f where f.agentId = :agent and f.filledAt >= :from and f.filledAt < :to"
                        + " order by f.filledAt, f.id", Fill.class)
                .setParameter("agent", agentId).setParameter("from", from).setParameter("to", to).getResultList();
    }
}
