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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AgentQueries} in JPA: each agent with its results over the positions it opened ({@link AgentPerformance}) and
 * its latest scan that produced signals; one agent with its account and recent scans.
 */
@ApplicationScoped
@Transactional
public class JpaAgentQueries implements AgentQueries {

    /** Rows of each list on an agent's page. */
    private static final int RECENT = 20;
    /**
     * Each agent's {@link AgentPerformance} over the positions it opened, counted by the database (an agent's page and
     * the agents' list read thousands of positions otherwise): open positions, closed round trips, the winning ones
     * (positive realized P&amp;L), realized P&amp;L over all, unrealized over the open ones. Amounts in cents.
     */
    static final String PERFORMANCE = """
            SELECT openedBy,
                   count(CASE WHEN closedAt IS NULL THEN 1 END),
                   count(CASE WHEN closedAt IS NOT NULL THEN 1 END),
                   count(CASE WHEN closedAt IS NOT NULL AND realizedPnl > 0 THEN 1 END),
                   sum(realizedPnl),
                   sum(CASE WHEN closedAt IS NULL THEN unrealizedPnl ELSE 0 END)
            FROM positions""";
    private static final CashColumn CENTS = new CashColumn();

    @PersistenceContext
    EntityManager em;

    @Override
    public List<AgentSummary> agents() {
        Map<String, AgentPerformance> performance = performance(em.createNativeQuery(PERFORMANCE + " GROUP BY openedBy"));
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultStream()
                .map(agent -> summary(agent, performance.getOrDefault(agent.getId().value(), AgentPerformance.NONE)))
                .toList();
    }

    @Override
    public Optional<AgentDetail> agent(AgentId agentId) {
        String id = agentId.value();
        return Optional.ofNullable(em.find(Agent.class, agentId)).map(agent -> {
            AgentPerformance performance = performance(em.createNativeQuery(PERFORMANCE + " WHERE openedBy = ?1 GROUP BY openedBy")
                    .setParameter(1, id)).getOrDefault(id, AgentPerformance.NONE);
            return new AgentDetail(summary(agent, performance), em.find(Account.class, agent.getAccountId()),
                    recentScans(id, RECENT), recentErrors(id, RECENT), refusals(id));
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

    private AgentSummary summary(Agent agent, AgentPerformance performance) {
        return new AgentSummary(agent, performance, recentScans(agent.getId().value(), 1).stream().findFirst().orElse(null));
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

    /** The rows of {@link #PERFORMANCE}, by agent. */
    static Map<String, AgentPerformance> performance(Query rows) {
        Map<String, AgentPerformance> performance = new HashMap<>();
        for (Object row : rows.getResultList()) {
            Object[] columns = (Object[]) row;
            performance.put((String) columns[0], new AgentPerformance(count(columns[1]), count(columns[2]), count(columns[3]),
                    cash(columns[4]), cash(columns[5])));
        }
        return performance;
    }

    private static int count(Object column) {
        return ((Number) column).intValue();
    }

    private static BigDecimal cash(Object cents) {
        return CENTS.convertToEntityAttribute(((Number) cents).longValue());
    }
}
