package com.papertrader.domain.trading.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The global kill switch, while it is engaged: no agent opens or adds to a position until an admin releases it; exits,
 * stops and targets carry on. Who engaged it, when, and whether every open position was closed with it. Kept in the
 * database, so a restart does not lift it; releasing it deletes it.
 */
@Entity
@Table(name = "kill_switch")
public class KillSwitch {

    /** There is one switch for the whole application. */
    private static final int THE_SWITCH = 1;

    @Id
    private int id = THE_SWITCH;

    @Column(name = "engaged_by", nullable = false, length = 100)
    private String engagedBy;

    @Column(name = "engaged_at", nullable = false)
    private Instant engagedAt;

    @Column(name = "flattened", nullable = false)
    private boolean flattened;

    protected KillSwitch() {
        // for JPA
    }

    public KillSwitch(String engagedBy, Instant engagedAt, boolean flattened) {
        this.engagedBy = Objects.requireNonNull(engagedBy, "engagedBy");
        this.engagedAt = Objects.requireNonNull(engagedAt, "engagedAt");
        this.flattened = flattened;
    }

    public String engagedBy() {
        return engagedBy;
    }

    public Instant engagedAt() {
        return engagedAt;
    }

    /** Whether every open position was closed when it was engaged. */
    public boolean flattened() {
        return flattened;
    }
}
