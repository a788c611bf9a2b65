package com.papertrader.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Assembles the system status from the settings, the feed state and the stored agents, orders and accounts. */
@ApplicationScoped
public class StatusService {

    @Inject
    Settings settings;

    @Inject
    FeedState feed;

    public SystemStatus current() {
        return new SystemStatus(
                feed.running(),
                settings.feedName(),
                feed.connected(),
                settings.tickers(),
                0,
                settings.tickers(),
                0,
                0,
                feed.lastPollAt().orElse(null),
                feed.lastError().orElse(null));
    }
}
