package com.papertrader.interfaces.schedule;

import com.papertrader.application.ingest.MarketDataService;
import com.papertrader.application.settings.FeedSettings;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.interfaces.rest.LiveUpdates;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Ticks every five seconds, once the trading desk is up; the poller decides cheaply whether a bar is due. Only the
 * server running the desk polls (the others stand by, see {@link TradingDesk#active()}; one that stops running it closes
 * its minute stream). No transaction here: calls to the feed must not hold one open, the store opens its own. Switched
 * off with poller.enabled=false (tests drive the poller).
 */
@Singleton
@Startup
@DependsOn("TradingDesk")
public class PollTimer {

    @Inject
    FeedSettings settings;

    @Inject
    MarketDataService marketData;

    @Inject
    LiveUpdates live;

    @Inject
    TradingDesk desk;

    /** Whether this server polled at the last tick: the market data pipeline is built only once it does. */
    private boolean polling;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (settings.pollerEnabled()) {
            if (desk.active()) {
                marketData.tick();
                polling = true;
            } else if (polling) {
                marketData.standBy();
                polling = false;
            }
            live.publishStatus();
        }
    }
}
