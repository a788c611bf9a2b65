package com.papertrader.infrastructure.persistence;

import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.order.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

/**
 * {@link OrderQueries} in JPA. Newest first, ordered by (time, id) so the indexes of the V1 migration (db/migration)
 * serve the ORDER BY and a page is LIMIT/OFFSET on an index.
 * Every method runs in a transaction so no pooled connection is left in an open read (see {@link JpaTradingStore}).
 */
@ApplicationScoped
@Transactional
public class JpaOrderQueries implements OrderQueries {

    @PersistenceContext
    EntityManager em;

    @Override
    public Map<OrderStatus, Long> countsByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        em.createQuery("select o.status, count(o) from Order o group by o.status", Object[].class).getResultList()
                .forEach(row -> counts.put((OrderStatus) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public long fillCount() {
        return em.createQuery("select count(f) from Fill f", Long.class).getSingleResult();
    }

    @Override
    public Page<Order> orders(OrderFilter filter, PageRequest page) {
        Where where = where(filter, "o", "o.createdAt");
        TypedQuery<Order> query = em.createQuery("select o from Order o" + where.jpql + " order by o.createdAt desc, o.id desc", Order.class);
        return Page.of(readOnly(where.bind(query).setFirstResult(page.offset()).setMaxResults(page.size() + 1)).getResultList(), page);
    }

    @Override
    public Page<Fill> fills(OrderFilter filter, PageRequest page) {
        Where where = where(filter, "f", "f.filledAt");
        TypedQuery<Fill> query = em.createQuery("select f from Fill f" + where.jpql + " order by f.filledAt desc, f.id desc", Fill.class);
        return Page.of(readOnly(where.bind(query).setFirstResult(page.offset()).setMaxResults(page.size() + 1)).getResultList(), page);
    }

    /** Listings only read: no snapshots of the entities to compare with at commit. */
    private static <T> TypedQuery<T> readOnly(TypedQuery<T> query) {
        return query.setHint(HibernateHints.HINT_READ_ONLY, true);
    }

    @Override
    public Optional<OrderDetail> order(OrderId orderId) {
        String id = orderId.value();
        List<Order> found = em.createQuery("select o from Order o left join fetch o.events where o.id = :id", Order.class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Fill> fills = em.createQuery("select f from Fill f where f.orderId = :id order by f.filledAt, f.id", Fill.class)
                .setParameter("id", id).getResultList();
        return Optional.of(new OrderDetail(found.get(0), fills));
    }

    /** Orders and fills carry agentId and ticker alike; a fill's status is its order's. */
    private static Where where(OrderFilter filter, String alias, String time) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.agentId() != null) {
            conditions.add(alias + ".agentId = :agent");
            parameters.put("agent", filter.agentId());
        }
        if (filter.ticker() != null) {
            conditions.add(alias + ".ticker = :ticker");
            parameters.put("ticker", filter.ticker());
        }
        if (filter.status() != null) {
            conditions.add(alias.equals("o") ? "o.status = :status"
                    : "f.orderId in (select s.id from Order s where s.status = :status)");
            parameters.put("status", filter.status());
        }
        if (filter.from() != null) {
            conditions.add(time + " >= :from");
            parameters.put("from", filter.fromInstant());
        }
        if (filter.to() != null) {
            conditions.add(time + " < :to");
            parameters.put("to", filter.toInstantExclusive());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
    }

    private record Where(String jpql, Map<String, Object> parameters) {
        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return query;
        }
    }
}
