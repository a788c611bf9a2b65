package com.papertrader.application;

import com.papertrader.application.ingest.MarketDataService;
import com.papertrader.domain.market.FeedStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Assembles the system status from the settings, the bar pipeline and the stored agents, orders and accounts. */
@ApplicationScoped
public class StatusService {

    @Inject
    Settings settings;

    @Inject
    MarketDataService marketData;

    public SystemStatus current() {
        FeedStats.Snapshot feed = marketData.stats();
        boolean connected = feed.lastPollAt().isPresent()
                && feed.lastErrorAt().map(error -> feed.lastPollAt().get().isAfter(error)).orElse(true);
        return new SystemStatus(
                settings.pollerEnabled(),
                marketData.feedName(),
                connected,
                settings.tickers(),
                0,
                settings.tickers(),
                0,
                0,
                feed.lastPollAt().orElse(null),
                feed.lastError().orElse(null));
    }
}
