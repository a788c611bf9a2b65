package com.papertrader.application.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.Split;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the corporate actions are fetched and what is announced, on a clock the test moves. */
class CorporateActionRefreshTest {

    private static final Split NVDA = new Split("NVDA", LocalDate.of(2026, 3, 10), BigDecimal.ONE, BigDecimal.TEN, null);

    private final MutableClock clock = new MutableClock(LocalDateTime.parse("2026-03-04T03:00").atZone(MarketCalendar.NEW_YORK).toInstant());
    private final List<LocalDate> asked = new ArrayList<>();
    private final List<CorporateAction> answer = new ArrayList<>(List.of(NVDA));
    private final InMemoryCorporateActionStore store = new InMemoryCorporateActionStore();
    private final List<CorporateActionsStored> announced = new ArrayList<>();
    private final FeedStats stats = new FeedStats(clock);
    private boolean failing;
    private final CorporateActionFeed feed = (tickers, from) -> {
        asked.add(from);
        if (failing) {
            throw new FeedException(FeedException.Kind.TIMEOUT, "Polygon did not answer while fetching splits");
        }
        return new CorporateActionFeed.Fetched(answer, List.of("splits of XYZ: not a followed ticker (skipped)"));
    };
    private final CorporateActionRefresh refresh = new CorporateActionRefresh(feed, store, stats, clock, List.of("NVDA"), announced::add);

    @Test
    void atTheFirstTickAndThenOnceADayFrom8NewYork() {
        refresh.tick();
        refresh.tick();
        clock.advance(Duration.ofHours(20)); // Wednesday 23:00
        refresh.tick();
        clock.advance(Duration.ofHours(8)); // Thursday 07:00
        refresh.tick();
        clock.advance(Duration.ofHours(1)); // 08:00
        refresh.tick();

        assertEquals(List.of(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3)), asked, "from 30 days back, on the 4th and the 5th");
        assertEquals(1, announced.size(), "the split is announced once: the second fetch brought nothing new");
        assertEquals(List.of(NVDA), announced.get(0).stored().added());
    }

    @Test
    void aCorrectionIsAnnouncedUntilTheActionIsAppliedThenRefused() {
        refresh.tick();
        Split corrected = new Split("NVDA", LocalDate.of(2026, 3, 10), BigDecimal.ONE, new BigDecimal("4"), null);
        answer.set(0, corrected);
        clock.advance(Duration.ofHours(30)); // Thursday 09:00
        refresh.tick();
        store.markApplied(NVDA.key(), clock.instant());
        answer.set(0, NVDA);
        clock.advance(Duration.ofDays(1));
        refresh.tick();

        assertEquals(List.of(corrected), announced.get(1).stored().corrected());
        assertEquals(2, announced.size(), "a correction of an applied action is refused, not announced");
        assertEquals(corrected, store.all().get(0).action(), "what was applied stands");
    }

    @Test
    void anActionTheSourceStopsListingIsWithdrawnAndAnnouncedSoTradingDropsIt() {
        refresh.tick();
        answer.clear();
        clock.advance(Duration.ofHours(30)); // Thursday 09:00
        refresh.tick();
        clock.advance(Duration.ofDays(1));
        refresh.tick();

        assertEquals(2, announced.size(), "the withdrawal is announced once");
        assertEquals(List.of(NVDA), announced.get(1).stored().withdrawn());
        assertEquals(List.of(), store.inForce());
        assertTrue(store.all().get(0).isWithdrawn(), "kept, marked withdrawn, for the page");
    }

    @Test
    void aFailedFetchIsTriedAgainAMinuteLater() {
        failing = true;
        refresh.tick();
        refresh.tick();
        failing = false;
        clock.advance(Duration.ofMinutes(1));
        refresh.tick();

        assertEquals(2, asked.size(), "not at every tick of the minute");
        assertEquals(1, announced.size());
        assertTrue(stats.snapshot().lastError().orElseThrow().startsWith("Corporate actions: Polygon did not answer"));
    }
}
