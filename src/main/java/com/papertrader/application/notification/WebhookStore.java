package com.papertrader.application.notification;

import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where webhooks and their deliveries (the delivery log) are kept; each call is one transaction. */
public interface WebhookStore {

    void add(Webhook webhook);

    Optional<Webhook> webhook(String id);

    /** Newest first. */
    List<Webhook> webhooks();

    /** Deletes a webhook with its deliveries; false when there is none. */
    boolean delete(String id);

    void add(List<WebhookDelivery> deliveries);

    /** Deliveries whose (next) attempt is due: pending ones, and ones a server claimed but never finished (it stopped). */
    List<WebhookDelivery> due(Instant now, int limit);

    /**
     * Claims a due delivery for this server to send: it becomes {@link DeliveryStatus#SENDING}, due again at
     * {@code reclaimAt} should this server stop before it finishes.
     *
     * @return false when it is not due (any more): another server claimed it first
     */
    boolean claim(String deliveryId, Instant now, Instant reclaimAt);

    /** An attempt's outcome. */
    void save(WebhookDelivery delivery);

    /** A webhook's deliveries, newest first. */
    Page<WebhookDelivery> deliveries(String webhookId, PageRequest page);

    /** Forgets deliveries delivered or given up before {@code cutoff}; how many. */
    int deleteFinishedBefore(Instant cutoff);
}
