package com.papertrader.infrastructure.persistence;

import com.papertrader.application.notification.DeliveryStatus;
import com.papertrader.application.notification.Webhook;
import com.papertrader.application.notification.WebhookDelivery;
import com.papertrader.application.notification.WebhookStore;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link WebhookStore} in JPA: one transaction per call, writes under SQLite's write lock ({@link SqliteWriteLock}). */
@ApplicationScoped
@Transactional
public class JpaWebhookStore implements WebhookStore {

    private static final List<DeliveryStatus> UNFINISHED = List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING);

    @PersistenceContext
    EntityManager em;

    @Override
    public void add(Webhook webhook) {
        SqliteWriteLock.take(em);
        em.persist(webhook);
    }

    @Override
    public Optional<Webhook> webhook(String id) {
        return Optional.ofNullable(em.find(Webhook.class, id));
    }

    @Override
    public List<Webhook> webhooks() {
        return em.createQuery("select w from Webhook w order by w.createdAt desc, w.id", Webhook.class).getResultList();
    }

    @Override
    public boolean delete(String id) {
        SqliteWriteLock.take(em);
        em.createQuery("delete from WebhookDelivery d where d.webhookId = :id").setParameter("id", id).executeUpdate();
        return em.createQuery("delete from Webhook w where w.id = :id").setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    public void add(List<WebhookDelivery> deliveries) {
        SqliteWriteLock.take(em);
        deliveries.forEach(em::persist);
    }

    @Override
    public List<WebhookDelivery> due(Instant now, int limit) {
        return em.createQuery("select d from WebhookDelivery d where d.status in :unfinished and d.nextAttemptAt <= :now"
                        + " order by d.nextAttemptAt, d.id", WebhookDelivery.class)
                .setParameter("unfinished", UNFINISHED).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    @Override
    public boolean claim(String deliveryId, Instant now, Instant reclaimAt) {
        SqliteWriteLock.take(em);
        return em.createQuery("update WebhookDelivery d set d.status = :sending, d.nextAttemptAt = :reclaimAt"
                        + " where d.id = :id and d.status in :unfinished and d.nextAttemptAt <= :now")
                .setParameter("sending", DeliveryStatus.SENDING).setParameter("reclaimAt", reclaimAt).setParameter("id", deliveryId)
                .setParameter("unfinished", UNFINISHED).setParameter("now", now).executeUpdate() == 1;
    }

    @Override
    public void save(WebhookDelivery delivery) {
        SqliteWriteLock.take(em);
        if (em.find(WebhookDelivery.class, delivery.getId()) != null) { // not when its webhook was deleted meanwhile
            em.merge(delivery);
        }
    }

    @Override
    public Page<WebhookDelivery> deliveries(String webhookId, PageRequest page) {
        return Page.of(em.createQuery("select d from WebhookDelivery d where d.webhookId = :id order by d.createdAt desc, d.id",
                        WebhookDelivery.class).setParameter("id", webhookId)
                .setFirstResult(page.offset()).setMaxResults(page.size() + 1).getResultList(), page);
    }

    @Override
    public int deleteFinishedBefore(Instant cutoff) {
        SqliteWriteLock.take(em);
        return em.createQuery("delete from WebhookDelivery d where d.status in :finished and d.createdAt < :cutoff")
                .setParameter("finished", List.of(DeliveryStatus.DELIVERED, DeliveryStatus.FAILED))
                .setParameter("cutoff", cutoff).executeUpdate();
    }
}
