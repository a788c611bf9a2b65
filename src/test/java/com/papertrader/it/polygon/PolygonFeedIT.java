package com.papertrader.it.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.ingest.BarPoller;
import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.settings.FeedSettings;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.application.settings.Settings;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.infrastructure.feed.MarketSourceProducer;
import com.papertrader.infrastructure.polygon.PolygonMarketFeed;
import com.papertrader.it.Deployments;
import com.papertrader.it.polygon.PolygonStub.Reply;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.naming.InitialContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A poll cycle inside WildFly with Polygon replaced only at the HTTP boundary: the MicroProfile REST client calls the
 * stub over HTTP, bars go through the JPA store into SQLite and out as a CDI event. Each test uses its own tickers.
 */
@ExtendWith(ArquillianExtension.class)
class PolygonFeedIT {

    @Deployment
    static WebArchive deployment() {
        return PolygonStubDeployment.addTo(Deployments.war())
                .addClasses(PolygonFeedIT.class, IngestedBarsRecorder.class, MutableClock.class, Deployments.class);
    }

    @Inject
    BarStore store;

    @Inject
    Event<BarsIngested> ingested;

    @Inject
    IngestedBarsRecorder recorder;

    /** 10:00:30 New York on the fixture day: the 09:55 bar, the fixture's last, has just become due. */
    private final MutableClock clock = new MutableClock(ny("2026-03-04T10:00:30"));
    private final FeedStats stats = new FeedStats(clock);

    private BarPoller poller(String... tickers) {
        return poller(100, BarPoller.Calls.oneByOne(clock), List.of(tickers));
    }

    private BarPoller poller(int callsPerMinute, BarPoller.Calls calls, List<String> tickers) {
        Config packaged = ConfigProvider.getConfig(PolygonFeedIT.class.getClassLoader());
        Map<String, String> overrides = Map.of(
                FeedSettings.POLYGON_API_KEY, PolygonStub.KEY,
                FeedSettings.POLYGON_BASE_URL, PolygonStub.baseUrl(),
                FeedSettings.POLYGON_TIMEOUT_SECONDS, "2",
                FeedSettings.CALLS_PER_MINUTE, String.valueOf(callsPerMinute),
                MarketSettings.PROVIDER_DELAY_MINUTES, "0");
        Settings settings = Settings.from(key -> Optional.ofNullable(overrides.get(key))
                .or(() -> packaged.getOptionalValue(key, String.class)));
        CallBudget budget = new CallBudget(settings.feed().callsPerMinute(), clock);
        MarketFeed feed = new PolygonMarketFeed(MarketSourceProducer.client(settings.feed()), PolygonStub.KEY,
                settings.market().timeframe(), budget, stats);
        BarSchedule schedule = new BarSchedule(MarketCalendar.nyse(), settings.market().timeframe(), Duration.ZERO,
                settings.market().grace(), false);
        return new BarPoller(feed, store, schedule, budget, RetryPolicy.standard(), stats, clock,
                tickers, 1, ingested::fire, calls);
    }

    @Test
    void fullCycleFromTheFeedToRowsInSqliteAndTheEvent() {
        PolygonStub.script("PAGED", Reply.ok("aggs_paginated_page1.json"), Reply.ok("aggs_paginated_page2.json"));
        PolygonStub.script("DELAYD", Reply.ok("aggs_delayed.json"));
        PolygonStub.script("NOBARS", Reply.ok("aggs_empty.json"));

        StoredBars stored = poller("FULL", "PAGED", "DELAYD", "NOBARS").tick();

        assertEquals(6, store.range("FULL", ny("2026-03-04T09:30"), ny("2026-03-04T10:00")).size());
        List<Bar> paged = store.range("PAGED", ny("2026-03-04T09:30"), ny("2026-03-04T10:00"));
        assertEquals(6, paged.size(), "four bars of page one, two of page two; its 10:00 bar is not due yet");
        assertEquals(0, new BigDecimal("408.02").compareTo(paged.get(5).close()), "the 09:55 bar came from page two");
        assertFalse(store.latest("DELAYD", 10).isEmpty(), "DELAYED answers carry data");
        assertTrue(store.latest("NOBARS", 10).isEmpty());
        Bar first = store.latest("FULL", 6).get(0);
        assertEquals(ny("2026-03-04T09:30"), first.start());
        assertEquals(0, new BigDecimal("262.41").compareTo(first.open()));
        assertEquals(0, new BigDecimal("2184633").compareTo(first.volume()), "2.184633e+06 stored exactly");

        BarsIngested event = lastEventWith("FULL");
        assertEquals(stored.changed(), event.bars());
        assertEquals(event.bars().stream().sorted(Comparator.comparing(Bar::start).thenComparing(Bar::ticker)).toList(), event.bars());
        assertKeyOnlyInTheHeader();
    }

    @Test
    void badAnswersAreNamedAndEveryOtherBarIsStored() {
        PolygonStub.script("BADKEY", Reply.error(401, "error_401.json"));
        PolygonStub.script("NOPLAN", Reply.error(403, "error_403_not_authorized.json"));
        PolygonStub.script("JUNK", Reply.ok("aggs_truncated.txt"));
        PolygonStub.script("NANBAR", Reply.ok("aggs_nan.json"));
        PolygonStub.script("HILO", Reply.ok("aggs_high_below_low.json"));
        BarPoller poller = poller("BADKEY", "NOPLAN", "JUNK", "NANBAR", "HILO", "FINE");

        poller.tick();

        assertTrue(store.latest("BADKEY", 10).isEmpty());
        assertTrue(store.latest("JUNK", 10).isEmpty());
        assertEquals(6, store.latest("FINE", 10).size(), "a good ticker after bad ones is stored");
        int nanGood = store.latest("NANBAR", 10).size();
        int hiloGood = store.latest("HILO", 10).size();
        assertTrue(nanGood > 0 && nanGood < 6, "the NaN bar rejected, the rest kept: " + nanGood);
        assertTrue(hiloGood > 0 && hiloGood < 6, "the high<low bar rejected, the rest kept: " + hiloGood);
        String lastError = stats.snapshot().lastError().orElseThrow();
        assertTrue(lastError.contains("while fetching"), lastError);
        assertFalse(lastError.contains(PolygonStub.KEY));

        clock.set(ny("2026-03-04T10:05:30"));
        poller.tick();
        assertEquals(6, store.latest("BADKEY", 10).size(), "the poller kept running; the next cycle fetched BADKEY");
    }

    @Test
    void rateLimitsServerErrorsAndHangsLoseNothing() {
        PolygonStub.script("LIMITD", Reply.error(429, "error_429.json"));
        PolygonStub.script("FIVEXX", Reply.error(500, "error_500.json"));
        PolygonStub.script("BADGW", Reply.error(502, "error_502.html"));
        PolygonStub.script("HANGS", Reply.ok("aggs_ok.json").after(4_000));
        BarPoller poller = poller("LIMITD", "FIVEXX", "BADGW", "HANGS");

        poller.tick();
        assertEquals(List.of("LIMITD"), requestedTickers(List.of("LIMITD", "FIVEXX", "BADGW", "HANGS")),
                "a 429 stops the cycle at that ticker");

        clock.advance(Duration.ofSeconds(61));
        poller.tick();
        clock.advance(Duration.ofSeconds(2));
        poller.tick();

        for (String ticker : List.of("LIMITD", "FIVEXX", "BADGW", "HANGS")) {
            assertEquals(6, store.latest(ticker, 10).size(), ticker + " stored once, in full");
        }
    }

    /**
     * 600 tickers, eight calls at a time on the server's managed executor, a plan of 250 calls a minute and one 429:
     * no minute sees more calls than the plan allows, the 429 pauses every call, and each bar is stored and announced once.
     */
    @Test
    void concurrentCallsStayWithinThePlanAndStoreEachBarOnce() throws Exception {
        List<String> tickers = IntStream.rangeClosed(1, 600).mapToObj(i -> String.format("CC%04d", i)).toList();
        PolygonStub.script("CC0300", Reply.error(429, "error_429.json"), Reply.ok("aggs_ok.json"));
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        BarPoller poller = poller(250, new BarPoller.Calls(executor, 8, clock), tickers);

        poller.tick();
        int first = requestedTickers(tickers).size();
        assertTrue(first <= 250 && first >= 8, "the first minute's calls stop at the 429 or the plan: " + first);
        clock.advance(Duration.ofSeconds(5));
        poller.tick();
        assertEquals(first, requestedTickers(tickers).size(), "the 429 (or the spent budget) pauses every call for a minute");
        for (int minute = 0; minute < 4; minute++) {
            clock.advance(Duration.ofSeconds(61));
            int before = requestedTickers(tickers).size();
            poller.tick();
            assertTrue(requestedTickers(tickers).size() - before <= 250, "never more calls in a minute than the plan allows");
        }

        assertEquals(601, requestedTickers(tickers).size(), "each ticker once, CC0300 twice");
        for (String ticker : tickers) {
            assertEquals(6, store.latest(ticker, 10).size(), ticker);
        }
        Map<String, Long> announced = recorder.events().stream().flatMap(event -> event.bars().stream())
                .filter(bar -> bar.ticker().startsWith("CC"))
                .collect(Collectors.groupingBy(bar -> bar.ticker() + "@" + bar.start(), Collectors.counting()));
        assertEquals(600 * 6, announced.size());
        assertTrue(announced.values().stream().allMatch(count -> count == 1), "every bar announced once");
    }

    @Test
    void revisedBarUpdatesItsRowAndIsAnnouncedAgain() {
        PolygonStub.script("REVISD", Reply.ok("aggs_ok.json"),
                Reply.ok("aggs_ok.json").edited(body -> body.replace("\"c\": 263.48", "\"c\": 263.55")));
        BarPoller poller = poller("REVISD");
        poller.tick();

        clock.set(ny("2026-03-04T10:05:30"));
        StoredBars stored = poller.tick();

        assertEquals(List.of(ny("2026-03-04T09:55")), stored.revised().stream().map(Bar::start).toList());
        List<Bar> rows = store.latest("REVISD", 10);
        assertEquals(6, rows.size(), "updated, not duplicated");
        assertEquals(0, new BigDecimal("263.55").compareTo(rows.get(5).close()));
        assertEquals(stored.revised(), lastEventWith("REVISD").bars());
    }

    private BarsIngested lastEventWith(String ticker) {
        List<BarsIngested> events = recorder.events().stream()
                .filter(event -> event.bars().stream().anyMatch(bar -> bar.ticker().equals(ticker)))
                .toList();
        assertFalse(events.isEmpty(), "an event carried " + ticker);
        return events.get(events.size() - 1);
    }

    private static List<String> requestedTickers(List<String> of) {
        return PolygonStub.requests().stream().map(PolygonStub.Request::ticker).filter(of::contains).toList();
    }

    private static void assertKeyOnlyInTheHeader() {
        assertFalse(PolygonStub.requests().isEmpty());
        for (PolygonStub.Request request : PolygonStub.requests()) {
            assertFalse(request.uri().contains(PolygonStub.KEY), request.uri());
            assertEquals("Bearer " + PolygonStub.KEY, request.authorization());
        }
    }

    private static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(MarketCalendar.NEW_YORK).toInstant();
    }
}
