package com.papertrader.application.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A receiver of notifications: where to send them, which types, the secret that signs each delivery and the body's
 * format. The secret is kept as given (signing needs it) and never shown again; the URL is shown only by its host
 * ({@link WebhookTarget#shown}), since chat services put a token in it.
 */
@Entity
@Table(name = "webhooks")
public class Webhook {

    @Id
    @Column(length = 20)
    private String id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false, length = WebhookTarget.MAX_LENGTH)
    private String url;
    /** The types' wire names, comma-separated. */
    @Column(nullable = false, length = 500)
    private String events;
    @Column(nullable = false, length = WebhookSignature.MAX_SECRET_LENGTH)
    private String secret;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private WebhookFormat format;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100, updatable = false)
    private String createdBy;

    protected Webhook() {
    }

    Webhook(String id, String name, String url, List<NotificationType> events, String secret, WebhookFormat format,
            Instant createdAt, String createdBy) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.url = Objects.requireNonNull(url, "url");
        this.events = events.stream().map(NotificationType::wireName).collect(Collectors.joining(","));
        this.secret = Objects.requireNonNull(secret, "secret");
        this.format = Objects.requireNonNull(format, "format");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    }

    public boolean subscribesTo(NotificationType type) {
        return type == NotificationType.TEST || getEvents().contains(type);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The URL in full: only the sender reads it. */
    String url() {
        return url;
    }

    /** The URL's scheme, host and port: what pages, the API and the log show. */
    public String getShownUrl() {
        return WebhookTarget.shown(url);
    }

    public List<NotificationType> getEvents() {
        return Arrays.stream(events.split(",")).map(NotificationType::byWireName).flatMap(Optional::stream).toList();
    }

    /** The types' wire names, as a person reads them: {@code fill, feed_down}. */
    public String getEventNames() {
        return String.join(", ", getEvents().stream().map(NotificationType::wireName).toList());
    }

    String secret() {
        return secret;
    }

    public WebhookFormat getFormat() {
        return format;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
