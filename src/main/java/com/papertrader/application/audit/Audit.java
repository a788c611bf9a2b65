package com.papertrader.application.audit;

import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Records each admin action in the {@link AuditTrail} (and the log) once it has been done: who, from where, when, on
 * what, and what changed. Called by the application services that carry the actions out, so the admin forms and the
 * API are recorded alike.
 */
@ApplicationScoped
public class Audit {

    private static final Logger LOG = Logger.getLogger(Audit.class.getName());

    private AuditTrail trail;
    private Clock clock;

    protected Audit() {
    }

    @Inject
    public Audit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    public void record(Actor actor, AuditAction action, String subject, String details) {
        AuditEntry entry = new AuditEntry(clock.instant(), actor, action, subject, details);
        trail.add(entry);
        LOG.info(() -> "Audit: " + entry.getUser() + " from " + entry.getAddress() + " " + action + " " + entry.getSubject()
                + (entry.getDetails().isEmpty() ? "" : " (" + entry.getDetails() + ")"));
    }

    /** Newest first. */
    public Page<AuditEntry> newestFirst(PageRequest page) {
        return trail.newestFirst(page);
    }
}
