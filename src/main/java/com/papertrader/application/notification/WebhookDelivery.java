package com.papertrader.application.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One notification for one webhook, its body fixed when it was made, and how its attempts went: the delivery log. Kept
 * in the database so a retry outlives a restart and any server may send it (one claims it first, {@link DeliveryStatus#SENDING}).
 */
@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery {

    static final int MAX_BODY = 16_000;
    static final int MAX_RESULT = 300;

    @Id
    @Column(length = 36)
    private String id;
    @Column(name = "webhook_id", nullable = false, length = 20, updatable = false)
    private String webhookId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30, updatable = false)
    private NotificationType event;
    @Column(nullable = false, length = 300, updatable = false)
    private String summary;
    @Column(nullable = false, length = MAX_BODY, updatable = false)
    private String body;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DeliveryStatus status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;
    @Column(name = "last_result", length = MAX_RESULT)
    private String lastResult;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String id, String webhookId, NotificationType event, String summary, String body, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.webhookId = Objects.requireNonNull(webhookId, "webhookId");
        this.event = Objects.requireNonNull(event, "event");
        this.summary = summary.length() <= 300 ? summary : summary.substring(0, 299) + "…";
        this.body = Objects.requireNonNull(body, "body");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = createdAt;
    }

    /** An attempt ended: 2xx delivers; otherwise the next attempt at {@code retryAt}, or given up when there is none. */
    void attempted(Instant at, String result, boolean delivered, Optional<Instant> retryAt) {
        attempts++;
        lastAttemptAt = at;
        lastResult = result.length() <= MAX_RESULT ? result : result.substring(0, MAX_RESULT - 1) + "…";
        if (delivered) {
            status = DeliveryStatus.DELIVERED;
            deliveredAt = at;
            nextAttemptAt = null;
        } else {
            status = retryAt.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
            nextAttemptAt = retryAt.orElse(null);
        }
    }

    public String getId() {
        return id;
    }

    public String getWebhookId() {
        return webhookId;
    }

    public NotificationType getEvent() {
        return event;
    }

    public String getSummary() {
        return summary;
    }

    String body() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Optional<Instant> getNextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> getLastAttemptAt() {
        return Optional.ofNullable(lastAttemptAt);
    }

    /** {@code HTTP 200}, {@code HTTP 500}, {@code timed out after 10 s}, {@code connection refused}, ... */
    public Optional<String> getLastResult() {
        return Optional.ofNullable(lastResult);
    }

    public Optional<Instant> getDeliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }
}
