package com.papertrader.infrastructure.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FeedStats.CallOutcome;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.Timeframe;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolygonMarketFeedTest {

    private static final String KEY = "pk_test_7d3f9a1c";
    private static final Instant NOW = Instant.parse("2026-03-04T15:20:00Z");
    private static final Instant OPEN = Instant.parse("2026-03-04T14:30:00Z");
    private static final Instant TEN_O_CLOCK = Instant.parse("2026-03-04T15:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FakePolygonClient client = new FakePolygonClient();
    /** How each call ended, as the metrics are told. */
    private final List<CallOutcome> outcomes = new ArrayList<>();
    private final FeedStats stats = new FeedStats(clock, new FeedStats.Observer() {
        @Override
        public void callAnswered(String endpoint, Duration took, CallOutcome outcome) {
            assertEquals("aggregates", endpoint);
            outcomes.add(outcome);
        }
    });
    private CallBudget budget = new CallBudget(5, clock);

    private PolygonMarketFeed feed() {
        return new PolygonMarketFeed(client, KEY, Timeframe.minutes(5), budget, stats);
    }

    @Test
    void asksForTheRangeWithTheKeyInTheHeaderAndReturnsTheBars() throws FeedException {
        client.reply("aggs_ok.json");
        FetchedBars fetched = feed().fetch("AAPL", OPEN, TEN_O_CLOCK);

        assertEquals(List.of(new FakePolygonClient.Request("aggregates", "Bearer " + KEY, "AAPL", 5, "minute",
                "1772634600000", "1772636399999", "adjusted=false&sort=asc&limit=50000")), client.requests);
        assertEquals(6, fetched.bars().size());
        assertEquals(OPEN, fetched.bars().get(0).start());
        assertEquals(1, stats.snapshot().callsToday());
        assertEquals(List.of(CallOutcome.ANSWERED), outcomes);
        assertEquals("polygon", feed().name());
    }

    @Test
    void followsNextUrlToTheLastPageOnTheConfiguredHost() throws FeedException {
        client.reply("aggs_paginated_page1.json").reply("aggs_paginated_page2.json");
        Instant to = Instant.parse("2026-03-04T15:05:00Z");
        FetchedBars fetched = feed().fetch("MSFT", OPEN, to);

        assertEquals(2, client.requests.size());
        assertEquals(new FakePolygonClient.Request("nextPage", "Bearer " + KEY, "MSFT", 5, "minute",
                "1772635800000", "1772636699999", "cursor=bGltaXQ9MjAmc29ydD1hc2M"), client.requests.get(1));
        List<Instant> starts = fetched.bars().stream().map(Bar::start).toList();
        assertEquals(7, starts.size());
        assertEquals(OPEN, starts.get(0));
        assertEquals(Instant.parse("2026-03-04T15:00:00Z"), starts.get(6));
        assertEquals(2, stats.snapshot().callsToday());
        assertEquals(2, stats.snapshot().callsInLastMinute());
    }

    @Test
    void keepsOnlyBarsStartingInTheAskedRange() throws FeedException {
        client.reply("aggs_ok.json"); // Polygon snaps the range outward; pretend it sent the whole half hour
        FetchedBars fetched = feed().fetch("AAPL", Instant.parse("2026-03-04T14:35:00Z"), Instant.parse("2026-03-04T14:50:00Z"));
        assertEquals(List.of(Instant.parse("2026-03-04T14:35:00Z"), Instant.parse("2026-03-04T14:40:00Z"),
                Instant.parse("2026-03-04T14:45:00Z")), fetched.bars().stream().map(Bar::start).toList());
    }

    @Test
    void badBarsAreReturnedAsRejectedNotThrown() throws FeedException {
        client.reply("aggs_nan.json");
        FetchedBars fetched = feed().fetch("AAPL", OPEN, TEN_O_CLOCK);
        assertEquals(1, fetched.bars().size());
        assertEquals(2, fetched.rejected().size());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "401, error_401.json, UNAUTHORIZED",
            "401, error_401_missing_key.json, UNAUTHORIZED",
            "403, error_403_not_authorized.json, NOT_ENTITLED",
            "403, error_403_timeframe.json, NOT_ENTITLED",
            "400, error_400_bad_range.json, BAD_REQUEST",
            "429, error_429.json, RATE_LIMITED",
            "500, error_500.json, SERVER_ERROR",
            "502, error_502.html, SERVER_ERROR",
    })
    void errorAnswersMapToTheirKindWithoutTheKey(int status, String fixture, Kind kind) {
        client.fail(status, fixture);
        FeedException e = assertThrows(FeedException.class, () -> feed().fetch("AAPL", OPEN, TEN_O_CLOCK));
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().endsWith("while fetching AAPL") || e.getMessage().contains("while fetching AAPL [request_id "),
                e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
    }

    @Test
    void a429PausesTheBudgetForAMinute() {
        client.fail(429, "error_429.json");
        assertThrows(FeedException.class, () -> feed().fetch("AAPL", OPEN, TEN_O_CLOCK));
        assertEquals(NOW.plusSeconds(60), budget.nextCallAt());
        assertEquals(List.of(CallOutcome.RATE_LIMITED), outcomes);
    }

    @Test
    void aKeyEchoedByTheServerIsBlankedOut() {
        client.reply(() -> {
            throw new PolygonHttpException(500, "{\"status\":\"ERROR\",\"error\":\"upstream failed for apiKey=" + KEY + "\"}");
        });
        FeedException e = assertThrows(FeedException.class, () -> feed().fetch("AAPL", OPEN, TEN_O_CLOCK));
        assertEquals("Polygon server error (500 upstream failed for apiKey=[API key]) while fetching AAPL", e.getMessage());
        assertEquals(List.of(CallOutcome.REFUSED), outcomes);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() {
        client.reply("aggs_truncated.txt"); // the fake parses it as the REST client would, and fails
        FeedException e = assertThrows(FeedException.class, () -> feed().fetch("AAPL", OPEN, TEN_O_CLOCK));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Polygon sent an answer that is not JSON ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(") while fetching AAPL"), e.getMessage());
        assertEquals(List.of(CallOutcome.UNREADABLE), outcomes);
    }

    @Test
    void noAnswerIsATimeout() {
        client.reply(() -> {
            throw new ProcessingException("java.net.SocketTimeoutException: Read timed out");
        });
        FeedException e = assertThrows(FeedException.class, () -> feed().fetch("AAPL", OPEN, TEN_O_CLOCK));
        assertEquals(Kind.TIMEOUT, e.kind());
        assertEquals("Polygon did not answer (java.net.SocketTimeoutException: Read timed out) while fetching AAPL", e.getMessage());
        assertTrue(e.kind().isTransient());
        assertEquals(List.of(CallOutcome.TIMED_OUT), outcomes);
    }

    @Test
    void everyPageSpendsTheBudgetAndAnEmptyBudgetStopsBeforeCalling() {
        budget = new CallBudget(1, clock);
        client.reply("aggs_paginated_page1.json");
        FeedException e = assertThrows(FeedException.class, () -> feed().fetch("MSFT", OPEN, TEN_O_CLOCK));
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals("Call budget of 1 calls/min is used up; next call at 2026-03-04T15:21:00Z, not fetching MSFT", e.getMessage());
        assertEquals(1, client.requests.size());
    }

    @Test
    void aNextUrlThatRepeatsStopsThePaging() {
        client.reply("aggs_paginated_page1.json").reply("aggs_paginated_page1.json");
        FeedException e = assertThrows(FeedException.class, () -> feed().fetch("MSFT", OPEN, TEN_O_CLOCK));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Polygon sent the same next_url twice"), e.getMessage());
        assertEquals(2, client.requests.size());
    }

    @Test
    void refusesToStartWithoutAKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PolygonMarketFeed(client, " ", Timeframe.minutes(5), budget, stats));
        assertEquals("Polygon needs an API key (POLYGON_API_KEY); without one use the simulated market", e.getMessage());
    }
}
