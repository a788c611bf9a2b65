package com.papertrader.application.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where bars come from: Polygon when an API key is set, else a CSV replay when a file is set, else the simulated
 * market. The key is kept out of {@link #toString()}: hand it only to the Polygon client, never to a page, a log line
 * or a message.
 *
 * @param simulatedSpeed simulated minutes per real second of the simulated market and the CSV replay; 0 follows the
 *                       wall clock
 * @param csvCorporateActionsFile the splits and dividends of a CSV replay ({@code CsvCorporateActions}), if any
 * @param simulatedSplitChance    the simulated market's chance of a split on each trading day of each ticker
 * @param pollerEnabled  whether the poll timer runs (tests switch it off)
 * @param concurrentCalls Polygon calls a poll cycle makes side by side (1, one after another, on the free plan)
 * @param callsPerSecond  the pace Polygon calls keep within any second (Polygon asks paid plans for under about 100)
 * @param streaming       whether Polygon's WebSocket stream of minute aggregates builds bars as they complete
 *                        ({@code polygon.feed=websocket}, paid plans), beside the REST poll that stays the source of truth
 * @param polygonWebSocketUrl the stream's host: real-time, or {@code wss://delayed.massive.com/stocks} on delayed plans
 */
public record FeedSettings(Optional<String> polygonApiKey, URI polygonBaseUrl, Duration polygonTimeout, int callsPerMinute,
                           Optional<Path> csvFile, Optional<Path> csvCorporateActionsFile, long simulatedSeed, int simulatedSpeed,
                           double simulatedSplitChance, double simulatedDividendChance, boolean pollerEnabled,
                           int concurrentCalls, int callsPerSecond, boolean streaming, URI polygonWebSocketUrl) {

    public static final String POLYGON_API_KEY = "polygon.api-key";
    public static final String POLYGON_BASE_URL = "polygon.base-url";
    public static final String POLYGON_TIMEOUT_SECONDS = "polygon.timeout-seconds";
    public static final String CALLS_PER_MINUTE = "polygon.calls-per-minute";
    public static final String CONCURRENT_CALLS = "polygon.concurrent-calls";
    public static final String CALLS_PER_SECOND = "polygon.calls-per-second";
    public static final String POLYGON_FEED = "polygon.feed";
    public static final String POLYGON_WEBSOCKET_URL = "polygon.websocket-url";
    public static final String CSV_FILE = "market.csv-file";
    public static final String CSV_CORPORATE_ACTIONS_FILE = "market.csv-corporate-actions-file";
    public static final String SIMULATED_SEED = "simulated.seed";
    public static final String SIMULATED_SPEED = "simulated.speed";
    public static final String SIMULATED_SPLIT_CHANCE = "simulated.split-chance";
    public static final String SIMULATED_DIVIDEND_CHANCE = "simulated.dividend-chance";
    public static final String POLLER_ENABLED = "poller.enabled";

    static FeedSettings read(SettingsReader in) {
        return new FeedSettings(in.optional(POLYGON_API_KEY), in.httpUrl(POLYGON_BASE_URL),
                Duration.ofSeconds(in.positiveInt(POLYGON_TIMEOUT_SECONDS)), in.positiveInt(CALLS_PER_MINUTE),
                in.optionalAbsolutePath(CSV_FILE), in.optionalAbsolutePath(CSV_CORPORATE_ACTIONS_FILE), in.longValue(SIMULATED_SEED),
                in.nonNegativeInt(SIMULATED_SPEED), in.chance(SIMULATED_SPLIT_CHANCE), in.chance(SIMULATED_DIVIDEND_CHANCE),
                in.bool(POLLER_ENABLED), in.positiveInt(CONCURRENT_CALLS),
                in.positiveInt(CALLS_PER_SECOND), "websocket".equals(in.oneOf(POLYGON_FEED, "rest", "websocket")),
                in.webSocketUrl(POLYGON_WEBSOCKET_URL));
    }

    /** The simulated market runs whenever no Polygon key is configured. */
    public boolean usesPolygon() {
        return polygonApiKey.isPresent();
    }

    /** The stream runs only beside Polygon's REST feed: without a key the setting has nothing to stream from. */
    public boolean streamsPolygon() {
        return streaming && usesPolygon();
    }

    public String feedName() {
        return usesPolygon() ? "polygon" : csvFile.isPresent() ? "csv" : "simulated";
    }

    @Override
    public String toString() {
        return usesPolygon() ? "polygon " + polygonBaseUrl + " (" + callsPerMinute + " calls/min"
                + (streaming ? ", minute stream from " + polygonWebSocketUrl : "") + ")"
                : csvFile.map(file -> "csv " + file + " (speed " + simulatedSpeed + ")")
                        .orElse("simulated (seed " + simulatedSeed + ", speed " + simulatedSpeed + ")");
    }
}
