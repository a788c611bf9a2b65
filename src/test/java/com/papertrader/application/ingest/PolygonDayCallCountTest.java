package com.papertrader.application.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.infrastructure.polygon.PolygonClient;
import com.papertrader.infrastructure.polygon.PolygonJson;
import com.papertrader.infrastructure.polygon.PolygonMarketFeed;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The Polygon call count of a market day for 48 tickers at 5-minute bars, through the real Polygon feed and JSON
 * translator: a stub client answers each aggregates request in Polygon's format with the simulated market's bars.
 * Every tick of the day is simulated (every 5 seconds).
 */
class PolygonDayCallCountTest {

    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();

    private final MutableClock clock = new MutableClock(ny("2026-03-03T20:00"));
    private final SimulatedMarket market = new SimulatedMarket(11, FIVE_MINUTES, CALENDAR, clock);
    private final AtomicInteger calls = new AtomicInteger();

    /** Answers like Polygon: the bars of [from, to] (inclusive, epoch ms) in its aggregates JSON. */
    private final PolygonClient stub = new PolygonClient() {
        @Override
        public JsonObject aggregates(String bearerKey, String ticker, int multiplier, String timespan, String from,
                                     String to, boolean adjusted, String sort, int limit) {
            calls.incrementAndGet();
            return PolygonJson.aggregates(ticker, market.fetch(ticker, Instant.ofEpochMilli(Long.parseLong(from)),
                    Instant.ofEpochMilli(Long.parseLong(to) + 1)).bars());
        }

        @Override
        public JsonObject nextPage(String bearerKey, String ticker, int multiplier, String timespan, String from,
                                   String to, String cursor) {
            throw new AssertionError("one page per request at limit 50000");
        }

        @Override
        public JsonObject splits(String bearerKey, String tickers, String fromDate, Integer limit, String cursor) {
            throw new AssertionError("the poller asks for bars only");
        }

        @Override
        public JsonObject dividends(String bearerKey, String tickers, String fromDate, Integer limit, String cursor) {
            throw new AssertionError("the poller asks for bars only");
        }
    };

    @Test
    void fortyEightTickersCostExactly3744CallsOnAMarketDayAndNoneOnAClosedDay() {
        List<String> tickers = IntStream.range(0, 48).mapToObj(i -> "T" + i).toList();
        CallBudget budget = CallBudget.unlimited(clock);
        FeedStats stats = new FeedStats(clock);
        InMemoryBarStore store = new InMemoryBarStore();
        BarPoller poller = new BarPoller(new PolygonMarketFeed(stub, "key", FIVE_MINUTES, budget, stats), store,
                new BarSchedule(CALENDAR, FIVE_MINUTES, Duration.ZERO, Duration.ofSeconds(10), false),
                budget, RetryPolicy.standard(), stats, clock, tickers, 1, ingested -> { },
                BarPoller.Calls.oneByOne(clock));
        poller.tick();

        int wednesday = callsBetween(poller, ny("2026-03-04T00:00"), ny("2026-03-05T00:00"));
        int saturday = callsBetween(poller, ny("2026-03-07T00:00"), ny("2026-03-08T00:00"));

        assertEquals(48 * 78, wednesday);
        assertEquals(0, saturday);
        tickers.forEach(ticker -> assertEquals(78, store.range(ticker, ny("2026-03-04T00:00"), ny("2026-03-05T00:00")).size(),
                "every bar of the day stored for " + ticker));
    }

    private int callsBetween(BarPoller poller, Instant from, Instant to) {
        for (Instant t = clock.instant(); t.isBefore(from); t = t.plusSeconds(60)) {
            clock.set(t);
            poller.tick();
        }
        int before = calls.get();
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(5)) {
            clock.set(t);
            poller.tick();
        }
        return calls.get() - before;
    }

    private static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(MarketCalendar.NEW_YORK).toInstant();
    }
}
