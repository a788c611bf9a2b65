package com.papertrader.infrastructure.feed;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.MarketSource;
import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.notification.FeedNotifications;
import com.papertrader.application.settings.FeedSettings;
import com.papertrader.application.settings.InvalidSettingException;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.CsvCorporateActions;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MinuteStream;
import com.papertrader.infrastructure.polygon.PolygonClient;
import com.papertrader.infrastructure.polygon.PolygonCorporateActionFeed;
import com.papertrader.infrastructure.polygon.PolygonMarketFeed;
import com.papertrader.infrastructure.polygon.PolygonStream;
import com.papertrader.infrastructure.simulated.CsvReplayFeed;
import com.papertrader.infrastructure.simulated.SimulatedClock;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Produces the market source from the settings: Polygon when a key is configured (with its minute stream when
 * {@code polygon.feed=websocket}), else a CSV replay when a file is configured, else the simulated market; with the call
 * budget the feed spends and the counters it keeps.
 */
@ApplicationScoped
public class MarketSourceProducer {

    private static final Logger LOG = Logger.getLogger(MarketSourceProducer.class.getName());

    @Inject
    FeedSettings feed;

    @Inject
    MarketSettings market;

    @Inject
    MarketCalendar calendar;

    @Inject
    Clock wallClock;

    @Inject
    BarStore bars;

    @Inject
    OperationsMetrics metrics;

    @Inject
    FeedNotifications notifications;

    @Produces
    @Singleton
    FeedStats stats() {
        return new FeedStats(wallClock, metrics.and(notifications));
    }

    /** The plan's calls per minute and the pace per second on Polygon; the simulated market and a replay are not metered. */
    @Produces
    @Singleton
    CallBudget budget() {
        return feed.usesPolygon() ? new CallBudget(feed.callsPerMinute(), feed.callsPerSecond(), wallClock, CallBudget.SLEEP)
                : CallBudget.unlimited(wallClock);
    }

    @Produces
    @Singleton
    MarketSource source(CallBudget budget, FeedStats stats) {
        if (feed.usesPolygon()) {
            PolygonClient client = client(feed);
            String key = feed.polygonApiKey().orElseThrow();
            Optional<MinuteStream> stream = feed.streamsPolygon()
                    ? Optional.of(new PolygonStream(feed.polygonWebSocketUrl(), key, market.symbols(), stats, wallClock)) : Optional.empty();
            return new MarketSource(new PolygonMarketFeed(client, key, market.timeframe(), budget, stats),
                    new PolygonCorporateActionFeed(client, key, budget, stats), wallClock, stream);
        }
        Instant resumeAt = newestStoredBarEnd();
        if (feed.csvFile().isPresent()) {
            CsvReplayFeed csv = readCsv(feed.csvFile().get());
            Instant start = csv.firstBarStart().orElseThrow(() -> new InvalidSettingException(FeedSettings.CSV_FILE,
                    "names a file without a single valid bar: " + feed.csvFile().get()));
            CorporateActionFeed actions = feed.csvCorporateActionsFile().map(this::readCorporateActions).orElse(CorporateActionFeed.NONE);
            return new MarketSource(csv, actions, marketClock(later(start, resumeAt)));
        }
        Clock marketClock = marketClock(later(wallClock.instant(), resumeAt));
        SimulatedMarket simulated = new SimulatedMarket(feed.simulatedSeed(), market.timeframe(), calendar, marketClock,
                feed.simulatedSplitChance(), feed.simulatedDividendChance());
        return new MarketSource(simulated, simulated, marketClock);
    }

    /** Polygon through the MicroProfile REST client, with the plan's host and timeouts. */
    public static PolygonClient client(FeedSettings feed) {
        return RestClientBuilder.newBuilder()
                .baseUri(feed.polygonBaseUrl())
                .connectTimeout(feed.polygonTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(feed.polygonTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(PolygonClient.class);
    }

    /** Replays from {@code start} at the simulated speed, or follows the wall clock at speed 0. */
    private Clock marketClock(Instant start) {
        return feed.simulatedSpeed() == 0 ? wallClock : new SimulatedClock(start, feed.simulatedSpeed(), calendar, wallClock);
    }

    private CsvReplayFeed readCsv(Path file) {
        try {
            CsvReplayFeed csv = CsvReplayFeed.read(file, market.timeframe());
            csv.rejectedLines().forEach(rejected -> LOG.warning("CSV " + file + ": " + rejected.reason()));
            return csv;
        } catch (IOException e) {
            throw new InvalidSettingException(FeedSettings.CSV_FILE, "cannot be read: " + file + " (" + e.getMessage() + ")");
        }
    }

    private CorporateActionFeed readCorporateActions(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvCorporateActions actions = CsvCorporateActions.read(reader);
            actions.rejectedLines().forEach(rejected -> LOG.warning("Corporate actions CSV " + file + ": " + rejected));
            return actions;
        } catch (IOException e) {
            throw new InvalidSettingException(FeedSettings.CSV_CORPORATE_ACTIONS_FILE,
                    "cannot be read: " + file + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Where a simulated market or a replay running faster than real time picks up after a restart (the end of the
     * newest stored bar), so its time never runs backwards; null when nothing is stored.
     */
    private Instant newestStoredBarEnd() {
        return market.symbols().stream()
                .map(bars::lastBarStart)
                .flatMap(Optional::stream)
                .max(Instant::compareTo)
                .map(start -> start.plus(market.barSize()))
                .orElse(null);
    }

    /** The later of two instants; b may be null (nothing stored yet). */
    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
