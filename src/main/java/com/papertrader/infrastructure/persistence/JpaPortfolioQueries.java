package com.papertrader.infrastructure.persistence;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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

/**
 * Read-only views of the trading state for the accounts and chart pages: what the database holds, as of the last
 * saved bar event. Reads run in a transaction for the reason given on {@link JpaBarRepository}.
 */
@ApplicationScoped
@Transactional
public class JpaPortfolioQueries {

    @PersistenceContext
    EntityManager em;

    public List<Account> accounts() {
        return em.createQuery("select a from Account a order by a.id", Account.class).getResultList();
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** Every agent by the account it trades in, accounts in id order. */
    public Map<String, List<Agent>> agentsByAccount() {
        return em.createNamedQuery("Agent.findAll", Agent.class).getResultStream()
                .collect(Collectors.groupingBy(Agent::getAccountId, LinkedHashMap::new, Collectors.toList()));
    }

    /** The newest {@code count} points of an account's equity curve, oldest first. */
    public List<EquitySnapshot> equityCurve(String accountId, int count) {
        List<EquitySnapshot> points = new ArrayList<>(em.createQuery(
                        "select s from EquitySnapshot s where s.accountId = :account order by s.takenAt desc", EquitySnapshot.class)
                .setParameter("account", accountId)
                .setMaxResults(count)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList());
        Collections.reverse(points);
        return points;
    }

    /**
     * The newest {@code count} fills of a ticker with time in [from, to), optionally of one agent, oldest first,
     * each with its order's reason.
     */
    public List<TradeMark> fills(String ticker, Optional<String> agentId, Instant from, Instant to, int count) {
        TypedQuery<Object[]> query = em.createQuery("select f, o.reason from Fill f, Order o where o.id = f.orderId"
                        + " and f.ticker = :ticker and f.filledAt >= :from and f.filledAt < :to"
                        + (agentId.isPresent() ? " and f.agentId = :agent" : "")
                        + " order by f.filledAt desc, f.id desc", Object[].class)
                .setParameter("ticker", ticker)
                .setParameter("from", from)
                .setParameter("to", to)
                .setMaxResults(count)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        agentId.ifPresent(agent -> query.setParameter("agent", agent));
        List<TradeMark> marks = new ArrayList<>(query.getResultStream().map(row -> new TradeMark((Fill) row[0], (String) row[1])).toList());
        Collections.reverse(marks);
        return marks;
    }

    /** A fill as the chart marks it: with the reason of the order (the agent's signal, a bracket leg, the flatten). */
    public record TradeMark(Fill fill, String reason) {
    }
}
