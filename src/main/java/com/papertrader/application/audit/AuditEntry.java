package com.papertrader.application.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One admin action as the audit trail keeps it: written once, never changed (no setters, no updatable column, and
 * database triggers refuse UPDATE and DELETE on the table).
 */
@Entity
@Table(name = "audit_trail")
public class AuditEntry {

    static final int MAX_SUBJECT = 300;
    static final int MAX_DETAILS = 4000;
    private static final int MAX_USER = 100;
    private static final int MAX_ADDRESS = 100;

    /** Numbered by the database in the order written: the trail's order, also for two actions in the same millisecond. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    private Long id;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(name = "user_name", nullable = false, length = MAX_USER, updatable = false)
    private String user;
    @Column(name = "client_address", nullable = false, length = MAX_ADDRESS, updatable = false)
    private String address;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40, updatable = false)
    private AuditAction action;
    @Column(nullable = false, length = MAX_SUBJECT, updatable = false)
    private String subject;
    @Column(nullable = false, length = MAX_DETAILS, updatable = false)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, Actor actor, AuditAction action, String subject, String details) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.user = cut(actor.user(), MAX_USER);
        this.address = cut(actor.address(), MAX_ADDRESS);
        this.action = Objects.requireNonNull(action, "action");
        this.subject = cut(subject, MAX_SUBJECT);
        this.details = cut(details, MAX_DETAILS);
    }

    /** Fits a text into its column, saying that it was cut. */
    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUser() {
        return user;
    }

    public String getAddress() {
        return address;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetails() {
        return details;
    }
}
