package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.application.audit.AuditEntry;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.security.ApiToken;
import com.papertrader.application.security.ApiTokens;
import com.papertrader.application.security.TokenRole;
import com.papertrader.domain.market.MutableClock;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail and API tokens on a real SQLite file, through the services that use them. */
class AuditAndTokensTest {

    private static final Actor ADMIN = new Actor("admin", "10.0.0.7");

    @TempDir
    Path dir;
    private EntityManagerFactory entityManagers;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T15:00:00Z"));

    @BeforeEach
    void bootstrap() {
        entityManagers = new SqliteTestDatabase(dir.resolve("audit.db")).start();
    }

    @AfterEach
    void close() {
        entityManagers.close();
    }

    @Test
    void theTrailListsActionsNewestFirstPageByPage() {
        for (int i = 1; i <= 3; i++) {
            String agent = "agent " + i;
            run(services -> {
                services.audit().record(ADMIN, AuditAction.AGENT_PAUSED, agent, "");
                return null;
            });
            clock.advance(Duration.ofMinutes(1));
        }

        Page<AuditEntry> first = run(services -> services.audit().newestFirst(new PageRequest(1, 2)));
        assertEquals(List.of("agent 3", "agent 2"), first.items().stream().map(AuditEntry::getSubject).toList());
        assertTrue(first.hasNext());
        AuditEntry newest = first.items().get(0);
        assertEquals("admin", newest.getUser());
        assertEquals("10.0.0.7", newest.getAddress());
        assertEquals(AuditAction.AGENT_PAUSED, newest.getAction());
        assertEquals(Instant.parse("2026-12-04T15:02:00Z"), newest.getOccurredAt());
        Page<AuditEntry> second = run(services -> services.audit().newestFirst(new PageRequest(2, 2)));
        assertEquals(List.of("agent 1"), second.items().stream().map(AuditEntry::getSubject).toList());
        assertFalse(second.hasNext());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() {
        run(services -> {
            services.audit().record(ADMIN, AuditAction.KILL_SWITCH_ENGAGED, "kill switch", "positions kept");
            return null;
        });

        PersistenceException update = assertThrows(PersistenceException.class, () -> run(services ->
                services.em().createNativeQuery("UPDATE audit_trail SET user_name = 'someone else'").executeUpdate()));
        assertTrue(messages(update).contains("the audit trail cannot be changed"), messages(update));
        PersistenceException delete = assertThrows(PersistenceException.class, () -> run(services ->
                services.em().createNativeQuery("DELETE FROM audit_trail").executeUpdate()));
        assertTrue(messages(delete).contains("the audit trail cannot be deleted"), messages(delete));
        assertEquals("admin", run(services -> services.audit().newestFirst(PageRequest.first(10))).items().get(0).getUser());
    }

    @Test
    void aTokenWorksUntilRevokedAndOnlyItsHashIsKept() {
        ApiTokens.Issued issued = run(services -> services.tokens().issue("deploy bot", TokenRole.ADMIN, ADMIN));
        String secret = issued.secret();

        assertTrue(secret.matches("pt_[A-Za-z0-9_-]{43}"), secret);
        Optional<ApiToken> found = run(services -> services.tokens().authenticate(secret));
        assertEquals(issued.token().getId(), found.orElseThrow().getId());
        assertEquals("token:deploy bot", found.get().principal());
        assertEquals(TokenRole.ADMIN, found.get().getRole());
        List<?> rowsHoldingTheSecret = run(services -> services.em()
                .createNativeQuery("SELECT id FROM api_tokens WHERE token_hash = ?1 OR id = ?1 OR name = ?1").setParameter(1, secret)
                .getResultList());
        assertEquals(List.of(), rowsHoldingTheSecret, "the token itself is never stored");

        boolean revokedNow = run(services -> services.tokens().revoke(issued.token().getId(), ADMIN));
        assertTrue(revokedNow);
        assertEquals(Optional.empty(), run(services -> services.tokens().authenticate(secret)));
        boolean revokedAgain = run(services -> services.tokens().revoke(issued.token().getId(), ADMIN));
        assertFalse(revokedAgain, "revoked once");
        ApiToken revoked = run(services -> services.tokens().all()).get(0);
        assertEquals(Optional.of("admin"), revoked.getRevokedBy());

        List<AuditAction> audited = run(services -> services.audit().newestFirst(PageRequest.first(10))).items().stream()
                .map(AuditEntry::getAction).toList();
        assertEquals(List.of(AuditAction.TOKEN_REVOKED, AuditAction.TOKEN_CREATED), audited);
    }

    @Test
    void somethingThatIsNotAnIssuedTokenIsRefusedWithoutError() {
        String secret = run(services -> services.tokens().issue("reader", TokenRole.VIEWER, ADMIN)).secret();

        for (String presented : new String[] {"", "pt_", secret.substring(0, secret.length() - 1), secret + "A",
            "xx_" + secret.substring(3), secret.toUpperCase(), "pt_" + "A".repeat(43), null}) {
            assertEquals(Optional.empty(), run(services -> services.tokens().authenticate(presented)), String.valueOf(presented));
        }
        assertThrows(IllegalArgumentException.class, () -> run(services -> services.tokens().issue("  ", TokenRole.VIEWER, ADMIN)));
        assertThrows(IllegalArgumentException.class, () -> run(services -> services.tokens().issue("x".repeat(101), TokenRole.VIEWER, ADMIN)));
    }

    @Test
    void aTokensLastUseIsWrittenAtMostOnceAMinute() {
        String secret = run(services -> services.tokens().issue("reader", TokenRole.VIEWER, ADMIN)).secret();
        Instant firstUse = clock.instant();

        run(services -> services.tokens().authenticate(secret));
        clock.advance(Duration.ofSeconds(59));
        run(services -> services.tokens().authenticate(secret));
        assertEquals(Optional.of(firstUse), run(services -> services.tokens().all()).get(0).getLastUsedAt());
        clock.advance(Duration.ofSeconds(1));
        run(services -> services.tokens().authenticate(secret));
        assertEquals(Optional.of(clock.instant()), run(services -> services.tokens().all()).get(0).getLastUsedAt());
    }

    private static String messages(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append(" / ");
        }
        return all.toString();
    }

    /** The services as the server wires them, on one transaction's entity manager. */
    private record Services(EntityManager em, Audit audit, ApiTokens tokens) {
    }

    private <T> T run(Function<Services, T> work) {
        return SqliteTestDatabase.inTransaction(entityManagers, em -> {
            JpaAuditTrail trail = new JpaAuditTrail();
            trail.em = em;
            JpaApiTokenStore store = new JpaApiTokenStore();
            store.em = em;
            Audit audit = new Audit(trail, clock);
            return work.apply(new Services(em, audit, new ApiTokens(store, audit, clock)));
        });
    }
}
