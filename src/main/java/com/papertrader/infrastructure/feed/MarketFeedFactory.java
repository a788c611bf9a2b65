package com.papertrader.infrastructure.feed;

import com.papertrader.application.InvalidSettingException;
import com.papertrader.application.Settings;
import com.papertrader.application.ingest.MarketSource;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.infrastructure.polygon.PolygonClient;
import com.papertrader.infrastructure.polygon.PolygonMarketFeed;
import com.papertrader.infrastructure.simulated.CsvReplayFeed;
import com.papertrader.infrastructure.simulated.SimulatedClock;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Picks the feed from the settings: Polygon when a key is configured, else a CSV replay when a file is configured,
 * else the simulated market.
 */
public final class MarketFeedFactory {

    private static final Logger LOG = Logger.getLogger(MarketFeedFactory.class.getName());

    private MarketFeedFactory() {
    }

    /**
     * @param resumeAt where a simulated market running faster than real time picks up after a restart
     *                 (the end of the newest stored bar), so its time never runs backwards
     */
    public static MarketSource create(Settings settings, CallBudget budget, FeedStats stats, Clock wallClock,
                                      Instant resumeAt) {
        MarketCalendar calendar = MarketCalendar.nyse();
        if (settings.usesPolygon()) {
            PolygonClient client = RestClientBuilder.newBuilder()
                    .baseUri(settings.polygonBaseUrl())
                    .connectTimeout(settings.polygonTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(settings.polygonTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .build(PolygonClient.class);
            String key = settings.polygonApiKey().orElseThrow();
            return new MarketSource(new PolygonMarketFeed(client, key, settings.timeframe(), budget, stats), wallClock);
        }
        if (settings.csvFile().isPresent()) {
            CsvReplayFeed csv = readCsv(settings.csvFile().get(), settings);
            Instant start = csv.firstBarStart().orElseThrow(() -> new InvalidSettingException(Settings.CSV_FILE,
                    "names a file without a single valid bar: " + settings.csvFile().get()));
            return new MarketSource(csv, marketClock(settings, calendar, wallClock, later(start, resumeAt)));
        }
        Clock marketClock = marketClock(settings, calendar, wallClock, later(wallClock.instant(), resumeAt));
        return new MarketSource(new SimulatedMarket(settings.simulatedSeed(), settings.timeframe(), calendar, marketClock),
                marketClock);
    }

    /** Replays from {@code start} at the simulated speed, or follows the wall clock at speed 0. */
    private static Clock marketClock(Settings settings, MarketCalendar calendar, Clock wallClock, Instant start) {
        return settings.simulatedSpeed() == 0
                ? wallClock
                : new SimulatedClock(start, settings.simulatedSpeed(), calendar, wallClock);
    }

    private static CsvReplayFeed readCsv(Path file, Settings settings) {
        try {
            CsvReplayFeed csv = CsvReplayFeed.read(file, settings.timeframe());
            csv.rejectedLines().forEach(rejected -> LOG.warning("CSV " + file + ": " + rejected.reason()));
            return csv;
        } catch (IOException e) {
            throw new InvalidSettingException(Settings.CSV_FILE, "cannot be read: " + file + " (" + e.getMessage() + ")");
        }
    }

    /** The later of two instants; b may be null (nothing stored yet). */
    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
