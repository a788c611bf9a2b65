package com.papertrader.application.settings;

/**
 * How agents are scanned.
 *
 * @param windowSize           closed bars each ticker's scan window holds (the most a script can look back)
 * @param maxConsecutiveErrors failed scans in a row after which an agent is stopped (ERRORED)
 * @param tradeBackfill        whether backfilled bars of past sessions may place orders (they always warm the windows)
 * @param recordsKept          each agent's newest scans with signals kept, and as many of its failed scans (its page's
 *                             recent signals and errors); older ones are deleted
 */
public record ScannerSettings(int windowSize, int maxConsecutiveErrors, boolean tradeBackfill, int recordsKept) {

    public static final String WINDOW_SIZE = "scanner.window-size";
    public static final String MAX_CONSECUTIVE_ERRORS = "scanner.max-consecutive-errors";
    public static final String TRADE_BACKFILL = "scanner.trade-backfill";
    public static final String RECORDS_KEPT = "scanner.records-kept";

    static ScannerSettings read(SettingsReader in) {
        return new ScannerSettings(in.positiveInt(WINDOW_SIZE), in.positiveInt(MAX_CONSECUTIVE_ERRORS), in.bool(TRADE_BACKFILL),
                in.nonNegativeInt(RECORDS_KEPT));
    }
}
