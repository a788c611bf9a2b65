package com.papertrader.infrastructure.persistence;

import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import com.papertrader.domain.trading.portfolio.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** {@link PositionQueries} in JPA. */
@ApplicationScoped
@Transactional
public class JpaPositionQueries implements PositionQueries {

    @PersistenceContext
    EntityManager em;

    @Override
    public Page<Position> positions(PositionFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        if (filter.agentId() != null) {
            conditions.add("p.openedBy = :agent");
        }
        if (filter.accountId() != null) {
            conditions.add("p.accountId = :account");
        }
        if (filter.state() != null) {
            conditions.add(filter.state() == PositionFilter.State.OPEN ? "p.closedAt is null" : "p.closedAt is not null");
        }
        TypedQuery<Position> query = em.createQuery("select p from Position p"
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by p.openedAt desc, p.id desc", Position.class);
        if (filter.agentId() != null) {
            query.setParameter("agent", filter.agentId());
        }
        if (filter.accountId() != null) {
            query.setParameter("account", filter.accountId());
        }
        return Page.of(query.setFirstResult(page.offset()).setMaxResults(page.size() + 1).getResultList(), page);
    }
}
