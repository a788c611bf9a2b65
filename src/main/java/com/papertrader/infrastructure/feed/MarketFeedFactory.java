package com.papertrader.infrastructure.feed;

import com.papertrader.application.Settings;
import com.papertrader.application.ingest.MarketSource;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.infrastructure.polygon.PolygonClient;
import com.papertrader.infrastructure.polygon.PolygonMarketFeed;
import com.papertrader.infrastructure.simulated.SimulatedClock;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/** Picks the feed from the settings: Polygon when a key is configured, else the simulated market. */
public final class MarketFeedFactory {

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
        Clock marketClock = settings.simulatedSpeed() == 0
                ? wallClock
                : new SimulatedClock(later(wallClock.instant(), resumeAt), settings.simulatedSpeed(), calendar, wallClock);
        return new MarketSource(new SimulatedMarket(settings.simulatedSeed(), settings.timeframe(), calendar, marketClock),
                marketClock);
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
