package com.papertrader.domain.agent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tickers an agent is scanned on: every ticker the application follows, or a fixed list.
 * Stored as one column: {@code *} for all, else the tickers joined by commas ({@code ALL} is a real ticker).
 */
public final class WatchedTickers {

    private static final String ALL_TEXT = "*";
    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.\\-]{0,9}");
    private static final WatchedTickers ALL = new WatchedTickers(List.of());

    private final List<String> tickers;

    private WatchedTickers(List<String> tickers) {
        this.tickers = tickers;
    }

    public static WatchedTickers all() {
        return ALL;
    }

    /**
     * @param tickers one or more tickers; upper-cased, duplicates dropped, order kept
     * @throws IllegalArgumentException for an empty list or a ticker that cannot be one
     */
    public static WatchedTickers of(Collection<String> tickers) {
        Objects.requireNonNull(tickers, "tickers");
        List<String> clean = new ArrayList<>();
        for (String raw : tickers) {
            String ticker = ticker(raw);
            if (!clean.contains(ticker)) {
                clean.add(ticker);
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("an agent must watch at least one ticker, or all");
        }
        return new WatchedTickers(List.copyOf(clean));
    }

    /**
     * One ticker as the application spells it: trimmed and upper-cased.
     *
     * @throws IllegalArgumentException naming the text when it cannot be a ticker
     */
    public static String ticker(String raw) {
        String ticker = raw == null ? "" : raw.trim().toUpperCase(Locale.ROOT);
        if (!TICKER.matcher(ticker).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not a ticker (1-10 letters, digits, dots or dashes, starting with a letter)");
        }
        return ticker;
    }

    public static WatchedTickers of(String... tickers) {
        return of(List.of(tickers));
    }

    /** Reads the stored form: {@code *}, or tickers separated by commas (and optional spaces). */
    public static WatchedTickers parse(String text) {
        Objects.requireNonNull(text, "tickers");
        String trimmed = text.trim();
        return trimmed.equals(ALL_TEXT) ? ALL : of(List.of(trimmed.split("\\s*,\\s*", -1)));
    }

    public boolean isAll() {
        return tickers.isEmpty();
    }

    /** The listed tickers; empty when the agent watches all. */
    public List<String> tickers() {
        return tickers;
    }

    public boolean contains(String ticker) {
        return isAll() || tickers.contains(ticker);
    }

    /** The stored form, readable by {@link #parse}. */
    @Override
    public String toString() {
        return isAll() ? ALL_TEXT : String.join(",", tickers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WatchedTickers that && tickers.equals(that.tickers);
    }

    @Override
    public int hashCode() {
        return tickers.hashCode();
    }
}
