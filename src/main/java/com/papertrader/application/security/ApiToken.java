package com.papertrader.application.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API token as it is kept: its name, role and a SHA-256 hash of the token itself, never the token (shown once when
 * it is made). A revoked token stays listed, so the audit trail's mentions of it keep a meaning.
 */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    /** How often the last use is written: at most once a minute per token, not at every request. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Id
    @Column(length = 20)
    private String id;
    @Column(nullable = false, length = 100)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TokenRole role;
    @Column(name = "token_hash", nullable = false, length = 64, updatable = false)
    private String tokenHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, length = 100, updatable = false)
    private String createdBy;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by", length = 100)
    private String revokedBy;

    protected ApiToken() {
    }

    ApiToken(String id, String name, TokenRole role, String tokenHash, Instant createdAt, String createdBy) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
    }

    void revoke(String by, Instant at) {
        revokedBy = by;
        revokedAt = at;
    }

    /** Notes a use; true when the stored last use is older than {@link #LAST_USE_PRECISION} and should be written. */
    boolean used(Instant at) {
        if (lastUsedAt != null && Duration.between(lastUsedAt, at).compareTo(LAST_USE_PRECISION) < 0) {
            return false;
        }
        lastUsedAt = at;
        return true;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** The name a request made with this token acts under (in the audit trail and the orders it cancels or places). */
    public String principal() {
        return "token:" + name;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TokenRole getRole() {
        return role;
    }

    String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Optional<Instant> getLastUsedAt() {
        return Optional.ofNullable(lastUsedAt);
    }

    public Optional<Instant> getRevokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<String> getRevokedBy() {
        return Optional.ofNullable(revokedBy);
    }
}
