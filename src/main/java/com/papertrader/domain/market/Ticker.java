package com.papertrader.domain.market;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A US stock symbol as exchanges and Polygon write it: an upper-case letter, then up to nine upper-case letters,
 * digits, dots or dashes ({@code AAPL}, {@code BRK.B}, {@code BRK-B}). The one rule for a ticker wherever one enters
 * the application: settings, agent files, the admin form, backtests and the API. Bars, orders and positions carry the
 * symbol as their ticker column once it has passed here.
 */
public record Ticker(String symbol) implements Comparable<Ticker> {

    /** The rule as a regular expression, for Bean Validation's {@code @Pattern}. */
    public static final String PATTERN = "[A-Z][A-Z0-9.\\-]{0,9}";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    /** @throws IllegalArgumentException naming the text when it cannot be a ticker */
    public Ticker {
        if (symbol == null || !VALID.matcher(symbol).matches()) {
            throw new IllegalArgumentException("'" + symbol + "' is not a ticker (1-10 letters, digits, dots or dashes,"
                    + " starting with a letter)");
        }
    }

    public static Ticker of(String symbol) {
        return new Ticker(symbol);
    }

    /** What a person typed: surrounding blanks and letter case do not matter. */
    public static Ticker parse(String text) {
        return new Ticker(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    public static boolean isValid(String symbol) {
        return symbol != null && VALID.matcher(symbol).matches();
    }

    public static List<String> symbols(Collection<Ticker> tickers) {
        return tickers.stream().map(Ticker::symbol).toList();
    }

    @Override
    public int compareTo(Ticker other) {
        return symbol.compareTo(other.symbol);
    }

    @Override
    public String toString() {
        return symbol;
    }
}
