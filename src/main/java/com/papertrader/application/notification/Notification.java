package com.papertrader.application.notification;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * Something to tell the webhooks subscribed to its type, published by the part where it happened (the trading desk, the
 * feed); {@link Notifications} turns it into one delivery per webhook.
 *
 * @param summary one line for a person (the chat body's text), with the agent, ticker or account it concerns
 * @param data    the details, as the JSON API writes them (an order, a fill, the kill switch)
 */
public record Notification(NotificationType type, Instant occurredAt, String summary, JsonObject data) {

    public Notification {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(data, "data");
    }
}
