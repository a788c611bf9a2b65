package com.papertrader.application.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns each {@link Notification} into one delivery for every webhook subscribed to its type, stored (so it outlives a
 * restart) for {@link WebhookDispatcher} to send: the part that publishes, the trading desk among them, waits for one
 * small write at most (all of a bar event's notifications in one), never for a receiver. With no webhook subscribed
 * it costs one read of the webhooks. A failure to store is logged and never reaches the publisher.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    @Inject
    WebhookStore store;

    @Inject
    WebhookDispatcher dispatcher;

    public void publish(Notification notification) {
        publish(List.of(notification));
    }

    /** Each notification to the webhooks subscribed to its type. */
    public void publish(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        try {
            List<Webhook> webhooks = store.webhooks();
            store(notifications.stream().flatMap(notification -> webhooks.stream()
                    .filter(webhook -> webhook.subscribesTo(notification.type()))
                    .map(webhook -> delivery(webhook, notification))).toList());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The webhooks cannot be told of {0} notification(s), the first {1} ({2}): {3}", new Object[]{
                    notifications.size(), notifications.get(0).type().wireName(), notifications.get(0).summary(), e.toString()});
        }
    }

    /** One delivery of {@code notification} to {@code webhook} (whatever it subscribed to): a test. */
    void deliver(Webhook webhook, Notification notification) {
        store(List.of(delivery(webhook, notification)));
    }

    private void store(List<WebhookDelivery> deliveries) {
        if (!deliveries.isEmpty()) {
            store.add(deliveries);
            dispatcher.sendDue();
        }
    }

    static WebhookDelivery delivery(Webhook webhook, Notification notification) {
        String id = UUID.randomUUID().toString();
        String body = body(id, webhook.getFormat(), notification).toString();
        if (body.length() > WebhookDelivery.MAX_BODY) { // details too long to keep: the summary says what happened
            body = body(id, webhook.getFormat(), new Notification(notification.type(), notification.occurredAt(),
                    notification.summary(), Json.createObjectBuilder().add("truncated", true).build())).toString();
        }
        return new WebhookDelivery(id, webhook.getId(), notification.type(), notification.summary(), body, notification.occurredAt());
    }

    /** The body as {@link WebhookFormat} describes it. */
    static JsonObject body(String deliveryId, WebhookFormat format, Notification notification) {
        if (format == WebhookFormat.CHAT) {
            String text = "Paper Trader: " + notification.summary();
            return Json.createObjectBuilder().add("text", text).add("content", text).build();
        }
        return Json.createObjectBuilder().add("id", deliveryId).add("event", notification.type().wireName())
                .add("occurredAt", notification.occurredAt().toString()).add("summary", notification.summary())
                .add("data", notification.data()).build();
    }
}
