package com.papertrader.application.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MinuteBars;
import com.papertrader.domain.market.MinuteStream;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.domain.market.Timeframe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The minute stream's bars stored and traded as each completes. Wed 2026-03-04, EST: the session opens at 14:30Z. The
 * stream itself is a boundary (Polygon's WebSocket): here the test calls the listener as the stream would.
 */
class StreamIngestTest {

    private static final Instant OPEN = Instant.parse("2026-03-04T14:30:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(OPEN);
    private final FeedStats stats = new FeedStats(clock);
    private final List<BarsIngested> delivered = new ArrayList<>();
    private final List<Runnable> tasks = new ArrayList<>();
    private final Stream stream = new Stream();

    /** Counts what the ingest asks of the stream. */
    private static final class Stream implements MinuteStream {
        int keepConnected;
        int closed;

        @Override
        public void keepConnected(Listener listener) {
            keepConnected++;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private StreamIngest ingest(BarStore store, Duration delay, Executor executor) {
        BarSchedule schedule = new BarSchedule(MarketCalendar.nyse(), Timeframe.minutes(5), delay, GRACE, false);
        return new StreamIngest(stream, new MinuteBars(schedule, clock), schedule, store, stats, executor, delivered::add);
    }

    private StreamIngest ingest(BarStore store) {
        return ingest(store, Duration.ZERO, Runnable::run);
    }

    @Test
    void aBarIsStoredAndTradedLiveAsSoonAsItsLastMinuteArrives() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store);
        ingest.subscribed(OPEN);

        ingest.minutes(List.of(minute("AAPL", 0, "100"), minute("AAPL", 1, "101"), minute("AAPL", 2, "102"), minute("AAPL", 3, "101")));
        assertEquals(2, store.count(), "incomplete: only yesterday's bars");
        clock.set(OPEN.plus(Duration.ofMinutes(5)).plusMillis(300));
        ingest.minutes(List.of(minute("AAPL", 4, "103")));

        assertEquals(3, store.count());
        Bar bar = store.latest("AAPL", 1).get(0);
        assertEquals(OPEN, bar.start());
        assertEquals(0, new BigDecimal("103").compareTo(bar.close()));
        assertEquals(1, delivered.size());
        assertTrue(delivered.get(0).isLive(bar), "a streamed bar trades: it is the bar that just completed");
        FeedStats.Stream counts = stats.snapshot().stream().orElseThrow();
        assertEquals(5, counts.minutes());
        assertEquals(1, counts.bars());
        assertEquals(Duration.ofMillis(300), counts.lastStoredAfterBarEnd());
        assertEquals(Duration.ofMillis(300), counts.lastTradedAfterBarEnd());
    }

    @Test
    void theStatusTimesBothStepsFromTheBarsEndTheStoringAndTheTrading() {
        BarSchedule schedule = new BarSchedule(MarketCalendar.nyse(), Timeframe.minutes(5), Duration.ZERO, GRACE, false);
        Duration trading = Duration.ofMillis(1200);
        StreamIngest ingest = new StreamIngest(stream, new MinuteBars(schedule, clock), schedule, storeWithYesterday(), stats, Runnable::run,
                event -> clock.set(clock.instant().plus(trading)));
        ingest.subscribed(OPEN);
        ingest.minutes(List.of(minute("AAPL", 0, "100"), minute("AAPL", 1, "101"), minute("AAPL", 2, "102"), minute("AAPL", 3, "101")));
        clock.set(OPEN.plus(Duration.ofMinutes(5)).plusMillis(40));

        ingest.minutes(List.of(minute("AAPL", 4, "103")));

        FeedStats.Stream status = stats.snapshot().stream().orElseThrow();
        assertEquals(Duration.ofMillis(40), status.lastStoredAfterBarEnd(), "stored as its last minute arrived");
        assertEquals(Duration.ofMillis(1240), status.lastTradedAfterBarEnd(), "then traded");
    }

    @Test
    void eachTickKeepsTheStreamConnectedAndStoresTheBarsWhoseLastMinutesNeverCame() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store);
        ingest.subscribed(OPEN);
        ingest.minutes(List.of(minute("AAPL", 0, "100"), minute("AAPL", 2, "102")));

        ingest.tick();
        assertEquals(2, store.count());
        clock.set(OPEN.plus(Duration.ofMinutes(5)).plus(GRACE));
        ingest.tick();

        assertEquals(2, stream.keepConnected);
        assertEquals(3, store.count());
        assertEquals(0, new BigDecimal("102").compareTo(store.latest("AAPL", 1).get(0).close()));
    }

    @Test
    void aBarRestStoredAlreadyWithTheSameValuesIsNotSentAgain() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store);
        ingest.subscribed(OPEN);
        List<Bar> minutes = List.of(minute("AAPL", 0, "100"), minute("AAPL", 4, "100"));
        MinuteBars rest = new MinuteBars(new BarSchedule(MarketCalendar.nyse(), Timeframe.minutes(5), Duration.ZERO, GRACE, false), clock);
        rest.coverFrom(OPEN);
        rest.add(minutes.get(0));
        store.upsert(rest.add(minutes.get(1)));

        ingest.minutes(minutes);

        assertEquals(List.of(), delivered);
        assertEquals(0, stats.snapshot().stream().orElseThrow().bars());
    }

    @Test
    void aLateMinuteIsCountedAtOnceThoughNothingIsStored() {
        StreamIngest ingest = ingest(storeWithYesterday());
        ingest.subscribed(OPEN);
        ingest.minutes(List.of(minute("AAPL", 4, "100")));

        ingest.minutes(List.of(minute("AAPL", 3, "101")));

        FeedStats.Stream counts = stats.snapshot().stream().orElseThrow();
        assertEquals(1, counts.lateMinutes());
        assertEquals(1, counts.minutes());
        assertEquals(1, counts.bars());
    }

    @Test
    void barsOutsideTheSessionAreNotStored() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store);
        Instant preMarket = OPEN.minus(Duration.ofMinutes(30));
        ingest.subscribed(preMarket);

        ingest.minutes(List.of(new Bar("AAPL", preMarket.plus(Duration.ofMinutes(4)), Duration.ofMinutes(1), BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, null, null)));

        assertEquals(2, store.count());
        assertEquals(List.of(), delivered);
    }

    @Test
    void onADelayedPlanTheFirstWholeBarStartsTheDelayBeforeTheSubscription() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store, Duration.ofMinutes(15), Runnable::run);
        ingest.subscribed(OPEN.plus(Duration.ofMinutes(16)));

        ingest.minutes(List.of(minute("AAPL", 4, "100")));
        assertEquals(2, store.count(), "the 14:30 bar started before 14:31, the first minute the stream covers: left to REST");
        store.upsert(List.of(fiveMinutes("AAPL", OPEN)));
        ingest.minutes(List.of(minute("AAPL", 9, "101")));

        assertEquals(0, new BigDecimal("101").compareTo(store.latest("AAPL", 1).get(0).close()), "14:35 streamed");
    }

    @Test
    void barsCompletedWhileABatchWaitsAreStoredTogetherByOneTask() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store, Duration.ZERO, tasks::add);
        ingest.subscribed(OPEN);

        ingest.minutes(List.of(minute("MSFT", 4, "300")));
        ingest.minutes(List.of(minute("AAPL", 4, "100")));
        assertEquals(1, tasks.size(), "one task stores whatever completed meanwhile");
        tasks.remove(0).run();

        assertEquals(1, delivered.size());
        assertEquals(List.of("AAPL", "MSFT"), delivered.get(0).bars().stream().map(Bar::ticker).toList());
        ingest.minutes(List.of(minute("AAPL", 9, "100")));
        assertEquals(1, tasks.size(), "the next bar starts a new task");
    }

    @Test
    void aStoreThatFailsIsReportedAndTheStreamGoesOn() {
        InMemoryBarStore broken = new InMemoryBarStore() {
            @Override
            public StoredBars upsert(List<Bar> bars) {
                if (!bars.get(0).start().isBefore(OPEN)) {
                    throw new IllegalStateException("database is locked");
                }
                return super.upsert(bars);
            }
        };
        broken.upsert(List.of(fiveMinutes("AAPL", Instant.parse("2026-03-03T20:55:00Z"))));
        StreamIngest ingest = ingest(broken);
        ingest.subscribed(OPEN);

        ingest.minutes(List.of(minute("AAPL", 4, "100")));

        String error = stats.snapshot().lastError().orElseThrow();
        assertTrue(error.contains("AAPL") && error.contains("database is locked") && error.contains("REST"), error);
        assertEquals(List.of(), delivered);
    }

    @Test
    void standingByClosesTheStream() {
        StreamIngest ingest = ingest(storeWithYesterday());
        ingest.subscribed(OPEN);
        ingest.minutes(List.of(minute("AAPL", 0, "100")));

        ingest.close();
        clock.set(OPEN.plus(Duration.ofHours(1)));
        ingest.tick();

        assertEquals(1, stream.closed);
        assertEquals(List.of(), delivered, "the bar cut by the close is left to REST");
    }

    @Test
    void aTickersFirstBarOnAConnectionWaitsUntilTheBarBeforeItIsStored() {
        InMemoryBarStore store = storeWithYesterday();
        StreamIngest ingest = ingest(store);
        ingest.subscribed(OPEN);
        ingest.minutes(List.of(minute("AAPL", 4, "100")));
        ingest.interrupted();
        ingest.subscribed(OPEN.plus(Duration.ofMinutes(6)));

        ingest.minutes(List.of(minute("AAPL", 14, "102")));
        assertEquals(OPEN, store.latest("AAPL", 1).get(0).start(),
                "14:40 follows 14:35, which the reconnect cut and REST has not brought yet: 14:40 is left to REST too");
        store.upsert(List.of(fiveMinutes("AAPL", OPEN.plus(Duration.ofMinutes(5))), fiveMinutes("AAPL", OPEN.plus(Duration.ofMinutes(10)))));
        ingest.minutes(List.of(minute("AAPL", 19, "103")));

        Bar streamed = store.latest("AAPL", 1).get(0);
        assertEquals(OPEN.plus(Duration.ofMinutes(15)), streamed.start(), "once REST caught up, the stream goes on");
        assertEquals(0, new BigDecimal("103").compareTo(streamed.close()));
        assertEquals(2, delivered.size());
    }

    /** Each ticker's last bar of the session before: the first bar of the day follows it. */
    private static InMemoryBarStore storeWithYesterday() {
        InMemoryBarStore store = new InMemoryBarStore();
        Instant yesterdaysLast = Instant.parse("2026-03-03T20:55:00Z");
        store.upsert(List.of(fiveMinutes("AAPL", yesterdaysLast), fiveMinutes("MSFT", yesterdaysLast)));
        return store;
    }

    /** A bar as REST would store it. */
    private static Bar fiveMinutes(String ticker, Instant start) {
        return new Bar(ticker, start, Duration.ofMinutes(5), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE,
                null, null);
    }

    private static Bar minute(String ticker, int minutesAfterOpen, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Bar(ticker, OPEN.plus(Duration.ofMinutes(minutesAfterOpen)), Duration.ofMinutes(1), p, p, p, p,
                new BigDecimal("100"), p, null);
    }
}
