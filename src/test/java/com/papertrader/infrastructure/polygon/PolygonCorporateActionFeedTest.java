package com.papertrader.infrastructure.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateActionFeed.Fetched;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.Split;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Polygon's splits and dividends endpoints, answered from fixtures: pages followed by cursor, bad records skipped. */
class PolygonCorporateActionFeedTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T13:00:00Z"));
    private final FakePolygonClient client = new FakePolygonClient();
    private final FeedStats stats = new FeedStats(clock);
    private final PolygonCorporateActionFeed feed = new PolygonCorporateActionFeed(client, "sk-secret", CallBudget.unlimited(clock), stats);

    @Test
    void splitsAndDividendsOfTheTickersAskedForEveryPageFollowed() throws FeedException {
        client.reply("splits_v1_ok.json").reply("splits_v1_page2.json").reply("dividends_v1_bad.json");

        Fetched fetched = feed.fetch(List.of("NVDA", "GE"), LocalDate.of(2020, 1, 1));

        assertEquals(List.of(
                new Split("NVDA", LocalDate.of(2024, 6, 10), BigDecimal.ONE, BigDecimal.TEN,
                        "E1a9b3f0c7d24e8a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2"),
                new Split("GE", LocalDate.of(2021, 8, 2), new BigDecimal("8"), BigDecimal.ONE,
                        "E7c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d"),
                new Split("NVDA", LocalDate.of(2021, 7, 20), BigDecimal.ONE, new BigDecimal("4"),
                        "E5d0e2c4a6b8f0d2e4a6c8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a"),
                new CashDividend("NVDA", LocalDate.of(2026, 3, 5), null, new BigDecimal("0.01"), "USD",
                        "E5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d5f7a")), fetched.actions());
        assertEquals(3, fetched.rejected().size(), fetched.rejected().toString());
        assertTrue(fetched.rejected().get(0).startsWith("splits of GE: Split of GE on 2021-07-20: the ratio must be positive"),
                fetched.rejected().get(0));
        assertEquals("splits of AAPL: not a followed ticker (skipped)", fetched.rejected().get(1));
        assertEquals("dividends of NVDA: Dividend of NVDA ex 2026-03-10 is paid in CAD; only USD dividends are followed (skipped)",
                fetched.rejected().get(2));
    }

    @Test
    void theFirstPageAsksForTheTickersAndTheDateTheNextOnlyByCursorWithTheKeyInTheHeader() throws FeedException {
        client.reply("splits_v1_ok.json").reply("splits_v1_page2.json").reply("dividends_v1_ok.json");

        feed.fetch(List.of("NVDA", "GE"), LocalDate.of(2026, 2, 2));

        assertEquals(List.of(
                new FakePolygonClient.Request("splits", "Bearer sk-secret", "NVDA,GE", 0, null, "2026-02-02", null, "limit=5000&cursor=null"),
                new FakePolygonClient.Request("splits", "Bearer sk-secret", null, 0, null, null, null,
                        "limit=null&cursor=ZXhlY3V0aW9uX2RhdGUubHQ9MjAyMS0wNy0yMCZsaW1pdD0zJnNvcnQ9ZXhlY3V0aW9uX2RhdGUuZGVzYyZ0aWNr"
                                + "ZXIuYW55X29mPU5WREEsR0U"),
                new FakePolygonClient.Request("dividends", "Bearer sk-secret", "NVDA,GE", 0, null, "2026-02-02", null,
                        "limit=5000&cursor=null")), client.requests);
        assertEquals(3, stats.snapshot().callsToday(), "each page is a call");
    }

    @Test
    void aRefusedKeyIsAFeedExceptionThatNeverShowsTheKey() {
        client.fail(401, "error_401.json");

        FeedException refused = assertThrows(FeedException.class, () -> feed.fetch(List.of("NVDA"), LocalDate.of(2026, 2, 2)));

        assertEquals(FeedException.Kind.UNAUTHORIZED, refused.kind());
        assertFalse(refused.getMessage().contains("sk-secret"), refused.getMessage());
        assertTrue(refused.getMessage().contains("while fetching splits"), refused.getMessage());
    }
}
