package com.papertrader.domain.agent;

import com.papertrader.domain.market.Ticker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The tickers an agent is scanned on: every ticker the application follows, or a fixed list.
 * Stored as one column: {@code *} for all, else the tickers joined by commas ({@code ALL} is a real ticker).
 */
public final class WatchedTickers {

    private static final String ALL_TEXT = "*";
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
            String ticker = Ticker.parse(raw).symbol();
            if (!clean.contains(ticker)) {
                clean.add(ticker);
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("an agent must watch at least one ticker, or all");
        }
        return new WatchedTickers(List.copyOf(clean));
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
