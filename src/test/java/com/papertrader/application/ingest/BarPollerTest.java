package com.papertrader.application.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.PollCycle;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BarPollerTest {

    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();

    private final MutableClock clock = new MutableClock(ny("2026-03-04T09:45:30"));
    private final BarSchedule schedule = new BarSchedule(CALENDAR, FIVE_MINUTES, Duration.ZERO, Duration.ofSeconds(10), false);
    private final InMemoryBarStore store = new InMemoryBarStore();
    private final ScriptedFeed feed = new ScriptedFeed(new SimulatedMarket(7, FIVE_MINUTES, CALENDAR, clock), clock);
    private final FeedStats stats = new FeedStats(clock);
    private final List<BarsIngested> delivered = new ArrayList<>();

    private BarPoller poller(List<String> tickers, CallBudget budget) {
        return new BarPoller(feed, store, schedule, budget, RetryPolicy.standard(), stats, clock, tickers, 2, delivered::add,
                BarPoller.Calls.oneByOne(clock));
    }

    private BarPoller poller(String... tickers) {
        return poller(List.of(tickers), CallBudget.unlimited(clock));
    }

    @Test
    void firstTickBackfillsTheLookbackThenWaitsForTheNextBar() {
        BarPoller poller = poller("AAPL", "MSFT");

        poller.tick();

        assertEquals(List.of(
                        new ScriptedFeed.Call("AAPL", ny("2026-03-03T09:30"), ny("2026-03-04T09:45")),
                        new ScriptedFeed.Call("MSFT", ny("2026-03-03T09:30"), ny("2026-03-04T09:45"))),
                feed.calls, "two sessions of lookback up to the bar that just became due");
        assertEquals(2 * (78 + 3), store.count());
        BarsIngested first = delivered.get(0);
        assertInTimeOrder(first.bars());
        assertEquals(ny("2026-03-04T09:40"), first.liveFrom());
        assertEquals(2, first.bars().stream().filter(first::isLive).count(), "only the 09:40 bars are live");

        clock.set(ny("2026-03-04T09:49:59"));
        poller.tick();
        assertEquals(2, feed.calls.size(), "nothing is due before 09:50 plus grace");

        clock.set(ny("2026-03-04T09:50:10"));
        poller.tick();
        assertEquals(new ScriptedFeed.Call("AAPL", ny("2026-03-04T09:25"), ny("2026-03-04T09:50")), feed.calls.get(2),
                "asks from three bars behind the newest stored one");
        BarsIngested second = delivered.get(1);
        assertEquals(List.of("AAPL@" + ny("2026-03-04T09:45"), "MSFT@" + ny("2026-03-04T09:45")), keys(second.bars()));
        assertTrue(second.bars().stream().allMatch(second::isLive));
    }

    @Test
    void fetchesWithAClockThatMovesOnBetweenReads() {
        Clock running = new Clock() {
            private Instant now = ny("2026-03-04T09:45:30");

            @Override
            public synchronized Instant instant() {
                now = now.plusNanos(1_000);
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        BarPoller poller = new BarPoller(feed, store, schedule, new CallBudget(5, running), RetryPolicy.standard(),
                new FeedStats(running), running, List.of("AAPL", "MSFT"), 2, delivered::add, BarPoller.Calls.oneByOne(running));

        poller.tick();

        assertEquals(2, feed.calls.size(), "a real clock reads later each time; the budget must still allow the calls");
    }

    @Test
    void noCallsOutsideMarketHours() {
        BarPoller poller = poller("AAPL");
        clock.set(ny("2026-03-06T16:00:30"));
        poller.tick();
        int afterClose = feed.calls.size();

        for (Instant t = ny("2026-03-06T16:01"); t.isBefore(ny("2026-03-09T09:35")); t = t.plusSeconds(5)) {
            clock.set(t);
            poller.tick();
        }

        assertEquals(1, afterClose);
        assertEquals(afterClose, feed.calls.size(), "no call from Friday's close to Monday's first bar");
    }

    @Test
    void exhaustedBudgetResumesWithTheRemainingTickersAndLosesNone() {
        List<String> tickers = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY");
        CallBudget budget = new CallBudget(5, clock);
        feed.spend(budget);
        BarPoller poller = poller(tickers, budget);

        poller.tick();
        assertEquals(5, feed.calls.size());

        clock.advance(Duration.ofSeconds(30));
        poller.tick();
        assertEquals(5, feed.calls.size(), "the budget allows no call before the minute is over");

        clock.advance(Duration.ofSeconds(31));
        poller.tick();
        assertEquals(tickers, feed.calls.stream().map(ScriptedFeed.Call::ticker).toList());
        tickers.forEach(ticker -> assertEquals(81, store.range(ticker, Instant.EPOCH, Instant.MAX).size(), ticker));
    }

    @Test
    void concurrentCallsStayWithinTheBudgetAndLoseNoTicker() throws InterruptedException {
        List<String> tickers = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "SPY");
        CallBudget budget = new CallBudget(5, clock);
        feed.spend(budget);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            BarPoller poller = new BarPoller(feed, store, schedule, budget, RetryPolicy.standard(), stats, clock, tickers, 2,
                    delivered::add, new BarPoller.Calls(threads, 4, clock));

            poller.tick();
            assertEquals(5, feed.calls.size(), "four at a time, never a call the budget refuses");
            assertTrue(stats.snapshot().lastError().isEmpty(), "no call was refused: " + stats.snapshot().lastError());

            clock.advance(Duration.ofSeconds(61));
            poller.tick();
            assertEquals(8, feed.calls.size());
            tickers.forEach(ticker -> assertEquals(81, store.range(ticker, Instant.EPOCH, Instant.MAX).size(), ticker));
            delivered.forEach(event -> assertInTimeOrder(event.bars()));
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSlowTickerHoldsBackNoOtherOnTimeTicker() throws InterruptedException {
        CountDownLatch othersTraded = new CountDownLatch(2);
        MarketFeed slowFeed = new MarketFeed() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public FetchedBars fetch(String ticker, Instant from, Instant to) throws FeedException {
                if (ticker.equals("SLOW") && from.isAfter(ny("2026-03-04T09:00"))) {
                    try {
                        assertTrue(othersTraded.await(20, TimeUnit.SECONDS), "the other tickers were not traded while SLOW was out");
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return feed.fetch(ticker, from, to);
            }
        };
        List<BarsIngested> events = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            BarPoller poller = new BarPoller(slowFeed, store, schedule, CallBudget.unlimited(clock), RetryPolicy.standard(), stats,
                    clock, List.of("SLOW", "AAPL", "MSFT"), 2, event -> {
                        events.add(event);
                        event.bars().stream().filter(bar -> bar.start().equals(ny("2026-03-04T09:45")) && !bar.ticker().equals("SLOW"))
                                .forEach(bar -> othersTraded.countDown());
                    }, new BarPoller.Calls(threads, 3, clock));
            poller.tick();
            assertEquals(1, events.size(), "the start-up backfill of all three goes downstream at once, in time order");

            clock.set(ny("2026-03-04T09:50:10"));
            poller.tick();

            List<String> beforeSlow = events.subList(1, events.size() - 1).stream().flatMap(event -> keys(event.bars()).stream())
                    .sorted().toList();
            assertEquals(List.of("AAPL@" + ny("2026-03-04T09:45"), "MSFT@" + ny("2026-03-04T09:45")), beforeSlow,
                    "the on-time tickers went downstream while SLOW was still out");
            assertEquals(List.of("SLOW@" + ny("2026-03-04T09:45")), keys(events.get(events.size() - 1).bars()));
            PollCycle cycle = stats.snapshot().lastCycle().orElseThrow();
            assertEquals(3, cycle.tickers());
            assertEquals(3, cycle.bars());
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTickerWithAGapWaitsForTheCycleEndAndGoesDownstreamInTimeOrder() {
        poller("AAPL", "MSFT").tick();
        clock.set(ny("2026-03-04T09:50:10"));
        poller("AAPL").tick();
        delivered.clear();

        clock.set(ny("2026-03-04T09:55:10"));
        poller("AAPL", "MSFT").tick();

        assertEquals(List.of("MSFT@" + ny("2026-03-04T09:45"), "AAPL@" + ny("2026-03-04T09:50"), "MSFT@" + ny("2026-03-04T09:50")),
                keys(delivered.get(delivered.size() - 1).bars().stream().filter(bar -> !bar.start().isBefore(ny("2026-03-04T09:45"))).toList()),
                "MSFT's missed 09:45 bar goes downstream before the 09:50 bars");
    }

    @Test
    void eachFinishedCycleIsTimed() {
        MutableClock stopwatch = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        feed.alter(bars -> {
            stopwatch.advance(Duration.ofMillis(bars.bars().size() > 5 ? 300 : 100));
            return bars;
        });
        BarPoller poller = new BarPoller(feed, store, schedule, CallBudget.unlimited(clock), RetryPolicy.standard(), stats, clock,
                List.of("AAPL", "MSFT"), 2, event -> stopwatch.advance(Duration.ofMillis(40)), BarPoller.Calls.oneByOne(stopwatch));
        poller.tick();
        assertEquals(Duration.ofMillis(600), stats.snapshot().lastCycle().orElseThrow().fetching(), "two backfills of 300 ms");

        clock.set(ny("2026-03-04T09:50:12"));
        poller.tick();

        PollCycle cycle = stats.snapshot().lastCycle().orElseThrow();
        assertEquals(ny("2026-03-04T09:45"), cycle.bar());
        assertEquals(2, cycle.tickers());
        assertEquals(2, cycle.bars(), "the new bar of each; the three re-read ones are unchanged");
        assertEquals(Duration.ofMillis(200), cycle.fetching());
        assertEquals(Duration.ofMillis(40), cycle.trading());
        assertEquals(Optional.of("AAPL"), cycle.slowestTicker(), "the first of two equally slow calls");
        assertEquals(Duration.ofMillis(100), cycle.slowestCall());
        assertEquals(Optional.of(Duration.ofSeconds(12)), cycle.lastTraded(), "by the feed's clock, from the bar's end at 09:50");
        assertEquals("fetching", cycle.slowestStep());
    }

    @Test
    void rateLimitedAnswerPausesAMinuteAndCarriesOnFromTheSameTicker() {
        BarPoller poller = poller("AAPL", "MSFT", "NVDA");
        feed.failNext("MSFT", new FeedException(FeedException.Kind.RATE_LIMITED, "Polygon rate limit (429) while fetching MSFT"));

        poller.tick();
        assertEquals(List.of("AAPL", "MSFT"), feed.calls.stream().map(ScriptedFeed.Call::ticker).toList());
        assertEquals("Polygon rate limit (429) while fetching MSFT", stats.snapshot().lastError().orElseThrow());

        clock.advance(Duration.ofSeconds(59));
        poller.tick();
        assertEquals(2, feed.calls.size(), "paused for a minute after a 429");

        clock.advance(Duration.ofSeconds(2));
        poller.tick();
        assertEquals(List.of("AAPL", "MSFT", "MSFT", "NVDA"), feed.calls.stream().map(ScriptedFeed.Call::ticker).toList());
        assertEquals(3 * 81, store.count());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenLeftToTheNextCycle() {
        BarPoller poller = poller("AAPL");
        FeedException down = new FeedException(FeedException.Kind.SERVER_ERROR, "Polygon server error (503) while fetching AAPL");
        feed.failNext("AAPL", down, down, down, down);
        Instant start = clock.instant();

        for (int second = 0; second <= 20; second++) {
            clock.set(start.plusSeconds(second));
            poller.tick();
        }

        assertEquals(List.of(start, start.plusSeconds(1), start.plusSeconds(3), start.plusSeconds(7)),
                feed.callTimes(), "retried after 1, 2 and 4 seconds, then left for the next bar");
        assertEquals(0, store.count());
        assertEquals(1, stats.snapshot().lastCycle().orElseThrow().tickers(), "four answers of one ticker");

        clock.set(ny("2026-03-04T09:50:10"));
        poller.tick();
        assertEquals(78 + 4, store.count(), "the next cycle catches up from the lookback");
    }

    @Test
    void rejectedKeyIsNotRetriedAndThePollerCarriesOn() {
        BarPoller poller = poller("AAPL", "MSFT");
        feed.failNext("AAPL", new FeedException(FeedException.Kind.UNAUTHORIZED,
                "Polygon rejected the API key (401 Unknown API Key) while fetching AAPL"));

        poller.tick();
        clock.advance(Duration.ofSeconds(10));
        poller.tick();

        assertEquals(List.of("AAPL", "MSFT"), feed.calls.stream().map(ScriptedFeed.Call::ticker).toList());
        assertEquals(81, store.count(), "MSFT stored, AAPL waits for the next bar");
        assertTrue(stats.snapshot().lastError().orElseThrow().contains("401"));
    }

    @Test
    void outageIsBackfilledExactlyOnceAndDeliveredInOrder() {
        BarPoller poller = poller("AAPL", "MSFT");
        poller.tick();
        long before = store.count();

        clock.set(ny("2026-03-04T10:20:30"));
        StoredBars stored = poller.tick();

        assertEquals(14, stored.inserted().size(), "09:45 through 10:15 for two tickers");
        assertEquals(before + 14, store.count());
        BarsIngested recovery = delivered.get(1);
        assertInTimeOrder(recovery.bars());
        assertEquals(keys(recovery.bars()).stream().distinct().count(), recovery.bars().size(), "no bar twice");
        assertEquals(2, recovery.bars().stream().filter(recovery::isLive).count(), "only the 10:15 bars are live");
    }

    @Test
    void revisedBarUpdatesTheStoredRowAndIsDeliveredAgain() {
        BarPoller poller = poller("AAPL");
        poller.tick();
        Instant revisedStart = ny("2026-03-04T09:40");
        feed.alter(fetched -> new FetchedBars(fetched.bars().stream()
                .map(bar -> bar.start().equals(revisedStart) ? closeAtHigh(bar) : bar).toList(), fetched.rejected()));

        clock.set(ny("2026-03-04T09:50:10"));
        StoredBars stored = poller.tick();

        assertEquals(List.of(revisedStart), stored.revised().stream().map(Bar::start).toList());
        assertEquals(List.of(ny("2026-03-04T09:45")), stored.inserted().stream().map(Bar::start).toList());
        assertEquals(78 + 4, store.count(), "updated, not duplicated");
        assertEquals(List.of(revisedStart, ny("2026-03-04T09:45")), delivered.get(1).bars().stream().map(Bar::start).toList());
    }

    @Test
    void fortyEightTickersCostExactly3744CallsOnAMarketDayAndNoneOnAClosedDay() {
        List<String> tickers = IntStream.range(0, 48).mapToObj(i -> "T" + i).toList();
        BarPoller poller = poller(tickers, CallBudget.unlimited(clock));
        clock.set(ny("2026-03-03T20:00"));
        poller.tick();

        int marketDay = callsBetween(poller, ny("2026-03-04T00:00"), ny("2026-03-05T00:00"));
        int saturday = callsBetween(poller, ny("2026-03-07T00:00"), ny("2026-03-08T00:00"));

        assertEquals(48 * 78, marketDay);
        assertEquals(0, saturday);
    }

    private int callsBetween(BarPoller poller, Instant from, Instant to) {
        for (Instant t = clock.instant(); t.isBefore(from); t = t.plusSeconds(60)) {
            clock.set(t);
            poller.tick();
        }
        int before = feed.calls.size();
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(5)) {
            clock.set(t);
            poller.tick();
        }
        return feed.calls.size() - before;
    }

    private static Bar closeAtHigh(Bar bar) {
        return new Bar(bar.ticker(), bar.start(), bar.span(), bar.open(), bar.high(), bar.low(), bar.high(),
                bar.volume(), bar.vwap(), bar.trades());
    }

    private static void assertInTimeOrder(List<Bar> bars) {
        List<Bar> sorted = bars.stream().sorted(Comparator.comparing(Bar::start).thenComparing(Bar::ticker)).toList();
        assertEquals(sorted, bars);
        assertFalse(bars.isEmpty());
    }

    private static List<String> keys(List<Bar> bars) {
        return bars.stream().map(bar -> bar.ticker() + "@" + bar.start()).toList();
    }

    private static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(MarketCalendar.NEW_YORK).toInstant();
    }
}
