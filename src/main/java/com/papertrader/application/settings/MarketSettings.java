package com.papertrader.application.settings;

import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.market.Timeframe;
import java.time.Duration;
import java.util.List;

/**
 * Which bars are followed and when they are due.
 *
 * @param providerDelay how late the data plan delivers a bar (0 real-time, 15 minutes delayed); Polygon only
 * @param grace         waited after a bar's end (and the delay) before it is fetched, for late prints
 * @param backfillDays  trading days fetched on first start, and the furthest back an outage is backfilled
 */
public record MarketSettings(List<Ticker> tickers, Timeframe timeframe, Duration providerDelay, boolean extendedHours,
                             Duration grace, int backfillDays) {

    public static final String TICKERS = "market.tickers";
    public static final String BAR_MINUTES = "market.bar-minutes";
    public static final String PROVIDER_DELAY_MINUTES = "market.provider-delay-minutes";
    public static final String EXTENDED_HOURS = "market.extended-hours";
    public static final String GRACE_SECONDS = "market.grace-seconds";
    public static final String BACKFILL_DAYS = "market.backfill-days";

    public MarketSettings {
        tickers = List.copyOf(tickers);
    }

    static MarketSettings read(SettingsReader in) {
        return new MarketSettings(in.tickers(TICKERS), in.timeframe(BAR_MINUTES),
                Duration.ofMinutes(in.nonNegativeInt(PROVIDER_DELAY_MINUTES)), in.bool(EXTENDED_HOURS),
                Duration.ofSeconds(in.nonNegativeInt(GRACE_SECONDS)), in.positiveInt(BACKFILL_DAYS));
    }

    /** The followed tickers' symbols, as bars and orders carry them. */
    public List<String> symbols() {
        return Ticker.symbols(tickers);
    }

    public Duration barSize() {
        return timeframe.length();
    }
}
