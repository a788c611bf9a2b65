package com.papertrader.application.settings;

import java.util.Optional;
import java.util.function.Function;

/**
 * Every application setting, read once at start-up and validated, so a missing or malformed value stops the
 * deployment with one message naming the key. One record per concern; beans are given the ones they need. Values
 * come from MicroProfile Config, where environment variables win over the packaged defaults (e.g.
 * {@code market.tickers} is {@code MARKET_TICKERS}); every default but the data directory's
 * ({@code ~/.paper-trader}) is in {@code META-INF/microprofile-config.properties}.
 */
public record Settings(DatabaseSettings database, FeedSettings feed, MarketSettings market, ScannerSettings scanner,
                       TradingSettings trading, SecuritySettings security, NotificationSettings notifications) {

    /**
     * Reads and validates every setting.
     *
     * @param source the value of a key, or empty when it is not set anywhere
     * @throws InvalidSettingException naming the first key that is missing or malformed
     */
    public static Settings from(Function<String, Optional<String>> source) {
        SettingsReader in = new SettingsReader(source);
        return new Settings(DatabaseSettings.read(in), FeedSettings.read(in), MarketSettings.read(in),
                ScannerSettings.read(in), TradingSettings.read(in), SecuritySettings.read(in),
                NotificationSettings.read(in));
    }

    /** What the start-up log says of the configuration: no secret in it. */
    @Override
    public String toString() {
        return "feed=" + feed + (feed.usesPolygon() ? ", delay=" + market.providerDelay().toMinutes() + "m" : "")
                + ", tickers=" + String.join(",", market.symbols()) + ", bar=" + market.timeframe().label()
                + ", extendedHours=" + market.extendedHours() + ", poller=" + (feed.pollerEnabled() ? "on" : "off")
                + ", database=" + database.postgres().map(DatabaseSettings.PostgresServer::where).orElse(database.databaseFile().toString());
    }
}
