package com.papertrader.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.ingest.CorporateActionStore.Coverage;
import com.papertrader.application.ingest.CorporateActionStore.KnownAction;
import com.papertrader.application.ingest.CorporateActionStore.StoredActions;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corporate actions table on a real SQLite file: corrections and withdrawals stored, applied actions kept. */
class JpaCorporateActionStoreTest {

    private static final LocalDate FROM = LocalDate.of(2026, 5, 1);
    private static final Coverage NVDA_AND_KO = new Coverage(Set.of("NVDA", "KO"), FROM);
    private static final Split NVDA = new Split("NVDA", LocalDate.of(2026, 6, 10), BigDecimal.ONE, BigDecimal.TEN, "E1");
    private static final CashDividend KO = new CashDividend("KO", LocalDate.of(2026, 5, 14), LocalDate.of(2026, 6, 1),
            new BigDecimal("0.51"), CashDividend.USD, "D1");
    private static final Split GE = new Split("GE", LocalDate.of(2026, 6, 2), new BigDecimal("8"), BigDecimal.ONE, "E2");
    private static final Instant MONDAY = Instant.parse("2026-05-04T12:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-05-05T12:00:00Z");

    @TempDir
    Path dir;
    private EntityManagerFactory entityManagers;

    @BeforeEach
    void bootstrap() {
        entityManagers = new SqliteTestDatabase(dir.resolve("actions.db")).start();
        store(List.of(NVDA, KO, GE), new Coverage(Set.of("NVDA", "KO", "GE"), FROM), MONDAY);
    }

    @AfterEach
    void close() {
        entityManagers.close();
    }

    @Test
    void anActionTheSourceNoLongerListsIsWithdrawnAndListedAgainIsBackInForce() {
        StoredActions withdrawal = store(List.of(KO), NVDA_AND_KO, TUESDAY);

        assertEquals(List.of(NVDA), withdrawal.withdrawn());
        assertTrue(withdrawal.changedAnything(), "trading must drop it");
        assertEquals(List.of(KO, GE), read(store -> store.inForce()), "GE was not asked for: it stands");
        KnownAction nvda = known(NVDA);
        assertEquals(TUESDAY, nvda.withdrawnAt());
        assertFalse(nvda.isInForce());
        assertEquals(List.of(), store(List.of(KO), NVDA_AND_KO, TUESDAY.plusSeconds(60)).withdrawn(), "withdrawn once");

        StoredActions relisted = store(List.of(NVDA, KO), NVDA_AND_KO, TUESDAY.plusSeconds(120));
        assertEquals(List.of(NVDA), relisted.corrected());
        assertTrue(known(NVDA).isInForce());
        assertEquals(MONDAY, known(NVDA).receivedAt(), "first received stays");
    }

    @Test
    void anAppliedActionStaysWhenWithdrawnOrCorrectedAndTheWithdrawalIsReportedOnce() {
        read(store -> store.em.createNamedQuery(CorporateActionRecord.MARK_APPLIED)
                .setParameter("ids", List.of(KO.key())).setParameter("at", MONDAY).executeUpdate());
        CashDividend correctedKo = new CashDividend("KO", KO.exDate(), KO.payDate(), new BigDecimal("0.52"), CashDividend.USD, "D1");

        assertEquals(List.of(correctedKo), store(List.of(NVDA, correctedKo), NVDA_AND_KO, TUESDAY).refusedCorrections());
        StoredActions withdrawal = store(List.of(NVDA), NVDA_AND_KO, TUESDAY);
        assertEquals(List.of(KO), withdrawal.refusedWithdrawals());
        assertFalse(withdrawal.changedAnything(), "nothing for trading to follow");
        assertEquals(List.of(), store(List.of(NVDA), NVDA_AND_KO, TUESDAY).refusedWithdrawals(), "reported once");
        KnownAction ko = known(KO);
        assertEquals(KO, ko.action(), "what was applied stands");
        assertNotNull(ko.withdrawnAt());
        assertTrue(ko.isInForce());
    }

    @Test
    void anActionBeforeTheFetchedRangeIsNotWithdrawn() {
        assertEquals(List.of(), store(List.of(NVDA), new Coverage(Set.of("NVDA", "KO"), KO.exDate().plusDays(1)), TUESDAY).withdrawn());
    }

    private StoredActions store(List<CorporateAction> fetched, Coverage covered, Instant at) {
        return read(store -> store.store(fetched, covered, at));
    }

    private KnownAction known(CorporateAction action) {
        return read(store -> store.all()).stream().filter(k -> k.action().key().equals(action.key())).findFirst().orElseThrow();
    }

    private <T> T read(Function<JpaCorporateActionStore, T> work) {
        return SqliteTestDatabase.inTransaction(entityManagers, em -> {
            JpaCorporateActionStore store = new JpaCorporateActionStore();
            store.em = em;
            return work.apply(store);
        });
    }
}
