package com.papertrader.infrastructure.config;

import com.papertrader.application.settings.DatabaseSettings;
import com.papertrader.application.settings.FeedSettings;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.application.settings.NotificationSettings;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.application.settings.SecuritySettings;
import com.papertrader.application.settings.Settings;
import com.papertrader.application.settings.TradingSettings;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * CDI producers for the settings (read once, one record per concern), the market calendar and the clock every
 * time-dependent bean shares.
 */
@ApplicationScoped
public class SettingsProducer {

    private static final Logger LOG = Logger.getLogger(SettingsProducer.class.getName());

    private final Settings settings = SettingsLoader.load();

    {
        LOG.info(() -> "Settings: " + settings);
    }

    @Produces
    private final MarketCalendar calendar = MarketCalendar.nyse();

    @Produces
    public DatabaseSettings database() {
        return settings.database();
    }

    @Produces
    public FeedSettings feed() {
        return settings.feed();
    }

    @Produces
    public MarketSettings market() {
        return settings.market();
    }

    @Produces
    public ScannerSettings scanner() {
        return settings.scanner();
    }

    @Produces
    public TradingSettings trading() {
        return settings.trading();
    }

    @Produces
    public SecuritySettings security() {
        return settings.security();
    }

    @Produces
    public NotificationSettings notifications() {
        return settings.notifications();
    }

    @Produces
    public Clock clock() {
        return Clock.systemUTC();
    }
}
