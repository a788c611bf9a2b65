package com.papertrader.infrastructure.persistence;

import com.papertrader.application.reporting.AgentPerformance;
import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.AgentSummary;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.agent.ScriptVersion;
import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.risk.RefusalCount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link AgentQueries} in JPA: each agent with its results over the positions it opened ({@link AgentPerformance}) and
 * its latest scan that produced signals, in four statements whatever the number of agents and positions; one agent
 * with its account and recent scans.
 */
@ApplicationScoped
@Transactional
public class JpaAgentQueries implements AgentQueries {

    /** Rows of each list on an agent's page. */
    private static final int RECENT = 20;
    /**
     * Each agent's open positions, counted from their partial index (ix_positions_open_by_agent): count, realized
     * P&amp;L of partial exits, unrealized P&amp;L. Amounts in cents.
     */
    private static final String OPEN_POSITIONS = "SELECT openedBy, count(*), sum(realizedPnl), sum(unrealizedPnl) FROM positions"
            + " WHERE closedAt IS NULL";
    /**
     * Each agent's closed positions as running totals, one row an agent, kept by the database's triggers on positions
     * (migration V13): the list's cost does not grow with the positions ever opened. Count, winning ones, realized P&amp;L.
     */
    private static final String CLOSED_POSITIONS = "SELECT agent_id, positions, winning, realized_pnl FROM agent_closed_positions";
    /** Each agent's latest scan that produced signals, for the agents' list in one statement (ix_scan_records_agent). */
    private static final String LATEST_SIGNALS = """
            SELECT s.* FROM agent a JOIN scan_records s ON s.id = (SELECT x.id FROM scan_records x
                WHERE x.agentId = a.id AND x.error IS NULL ORDER BY x.barTime DESC, x.id DESC LIMIT 1)""";
    private static final CashColumn CENTS = new CashColumn();

    @PersistenceContext
    EntityManager em;

    @Override
    public List<AgentSummary> agents() {
        Map<String, AgentPerformance> performance = performance(em, Optional.empty());
        Map<String, ScanRecord> latestSignals = new HashMap<>();
        for (Object scan : em.createNativeQuery(LATEST_SIGNALS, ScanRecord.class).getResultList()) {
            latestSignals.put(((ScanRecord) scan).agentId(), (ScanRecord) scan);
        }
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultStream()
                .map(agent -> new AgentSummary(agent, performance.getOrDefault(agent.getId().value(), AgentPerformance.NONE),
                        latestSignals.get(agent.getId().value())))
                .toList();
    }

    @Override
    public Optional<AgentDetail> agent(AgentId agentId) {
        String id = agentId.value();
        return Optional.ofNullable(em.find(Agent.class, agentId)).map(agent -> {
            AgentPerformance performance = performance(em, Optional.of(id)).getOrDefault(id, AgentPerformance.NONE);
            List<ScanRecord> recentScans = recentScans(id, RECENT);
            return new AgentDetail(new AgentSummary(agent, performance, recentScans.stream().findFirst().orElse(null)),
                    em.find(Account.class, agent.getAccountId()), recentScans, recentErrors(id, RECENT), refusals(id));
        });
    }

    @Override
    public List<ScriptVersion> scriptVersions(AgentId id) {
        return em.createQuery("select v from ScriptVersion v where v.agentId = :agent order by v.firstSavedAt desc, v.id",
                        ScriptVersion.class)
                .setParameter("agent", id.value()).getResultList();
    }

    @Override
    public Optional<ScriptVersion> scriptVersion(AgentId id, String scriptHash) {
        return Optional.ofNullable(em.find(ScriptVersion.class, ScriptVersion.idOf(id, scriptHash)));
    }

    @Override
    public List<Agent> agentsInError() {
        return em.createNamedQuery("Agent.findByState", Agent.class).setParameter("state", AgentState.ERRORED).getResultList();
    }

    /** The agent's latest scans that produced signals. */
    private List<ScanRecord> recentScans(String agentId, int count) {
        return scans("s.error is null", agentId, count);
    }

    /** The agent's refusal counts of its latest days (each day's a few rows: one per rule that refused). */
    private List<RefusalCount> refusals(String agentId) {
        return em.createNamedQuery(RefusalCountRecord.OF_AGENT, RefusalCountRecord.class)
                .setParameter("agentId", agentId).setMaxResults(RECENT).getResultStream()
                .map(RefusalCountRecord::toCount).toList();
    }

    /** The agent's latest failed scans. */
    private List<ScanRecord> recentErrors(String agentId, int count) {
        return scans("s.error is not null", agentId, count);
    }

    private List<ScanRecord> scans(String condition, String agentId, int count) {
        return em.createQuery("select s from ScanRecord s where s.agentId = :agent and " + condition
                        + " order by s.barTime desc, s.id desc", ScanRecord.class)
                .setParameter("agent", agentId).setMaxResults(count).getResultList();
    }

    /** Each agent's results (or one agent's), from its open positions and its closed positions' running totals. */
    static Map<String, AgentPerformance> performance(EntityManager em, Optional<String> agent) {
        Map<String, Object[]> open = rowsByAgent(em, OPEN_POSITIONS + (agent.isPresent() ? " AND openedBy = ?1" : "") + " GROUP BY openedBy",
                agent);
        Map<String, Object[]> closed = rowsByAgent(em, CLOSED_POSITIONS + (agent.isPresent() ? " WHERE agent_id = ?1" : ""), agent);
        Map<String, AgentPerformance> performance = new HashMap<>();
        Object[] none = {null, 0, 0, 0};
        for (String id : union(open.keySet(), closed.keySet())) {
            Object[] opened = open.getOrDefault(id, none);
            Object[] done = closed.getOrDefault(id, none);
            performance.put(id, new AgentPerformance(count(opened[1]), count(done[1]), count(done[2]),
                    cash(cents(opened[2]) + cents(done[3])), cash(cents(opened[3]))));
        }
        return performance;
    }

    private static Map<String, Object[]> rowsByAgent(EntityManager em, String sql, Optional<String> agent) {
        Query query = em.createNativeQuery(sql);
        agent.ifPresent(id -> query.setParameter(1, id));
        Map<String, Object[]> rows = new HashMap<>();
        for (Object row : query.getResultList()) {
            rows.put((String) ((Object[]) row)[0], (Object[]) row);
        }
        return rows;
    }

    private static Set<String> union(Set<String> some, Set<String> others) {
        Set<String> all = new HashSet<>(some);
        all.addAll(others);
        return all;
    }

    private static int count(Object column) {
        return ((Number) column).intValue();
    }

    private static long cents(Object column) {
        return ((Number) column).longValue();
    }

    private static BigDecimal cash(long cents) {
        return CENTS.convertToEntityAttribute(cents);
    }
}
