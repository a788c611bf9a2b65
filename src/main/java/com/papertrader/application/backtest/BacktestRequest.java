package com.papertrader.application.backtest;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Ticker;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A backtest as asked for, checked: an agent, the tickers, a period of New York dates (both included) and the
 * starting cash. Every problem is named in the {@link IllegalArgumentException}'s message.
 */
public record BacktestRequest(String agentId, List<String> tickers, LocalDate from, LocalDate to, BigDecimal startingCash,
                              boolean rawPrices) {

    public static final int MAX_TICKERS = 100;

    public BacktestRequest {
        tickers = List.copyOf(tickers);
    }

    /** A request on prices adjusted for splits (the default), as live trading sees them. */
    public BacktestRequest(String agentId, List<String> tickers, LocalDate from, LocalDate to, BigDecimal startingCash) {
        this(agentId, tickers, from, to, startingCash, false);
    }

    /**
     * The same request on raw prices (as traded, splits not followed: a split shows as a price jump) when
     * {@code prices} is "raw"; on adjusted prices when it is "adjusted" or absent.
     *
     * @throws IllegalArgumentException for any other value
     */
    public BacktestRequest withPrices(String prices) {
        if (prices == null || prices.isBlank() || prices.equals("adjusted")) {
            return this;
        }
        if (!prices.equals("raw")) {
            throw new IllegalArgumentException("prices: \"" + prices + "\" is neither adjusted nor raw");
        }
        return new BacktestRequest(agentId, tickers, from, to, startingCash, true);
    }

    /**
     * @param tickers  comma- or space-separated
     * @param from     yyyy-MM-dd; may be empty when the bars come from a file (then from its first bar)
     * @param fromFile whether the bars come from an uploaded file rather than the stored bars
     */
    public static BacktestRequest parse(String agentId, String tickers, String from, String to, String startingCash, boolean fromFile) {
        List<String> problems = new ArrayList<>();
        if (agentId == null || agentId.isBlank()) {
            problems.add("agentId is required");
        }
        List<String> parsedTickers = tickers(tickers, problems);
        if (parsedTickers.isEmpty()) {
            problems.add("tickers: give at least one ticker");
        }
        LocalDate fromDay = date("from", from, !fromFile, problems);
        LocalDate toDay = date("to", to, !fromFile, problems);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            problems.add("to (" + toDay + ") is before from (" + fromDay + ")");
        }
        BigDecimal cash = cash(startingCash, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new BacktestRequest(agentId.strip(), parsedTickers, fromDay, toDay, cash);
    }

    /** The first instant of the period: midnight New York of {@code from}; the start of time if open. */
    public Instant periodStart() {
        return from == null ? Instant.EPOCH : from.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    /** The instant after the period: midnight New York after {@code to}; far in the future if open. */
    public Instant periodEnd() {
        return to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.plusDays(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    private static List<String> tickers(String text, List<String> problems) {
        Set<String> tickers = new LinkedHashSet<>();
        if (text != null) {
            for (String ticker : text.split("[,\\s]+")) {
                if (ticker.isEmpty()) {
                    continue;
                }
                try {
                    tickers.add(Ticker.parse(ticker).symbol());
                } catch (IllegalArgumentException e) {
                    problems.add("tickers: " + e.getMessage());
                }
            }
        }
        if (tickers.size() > MAX_TICKERS) {
            problems.add("tickers: at most " + MAX_TICKERS + ", not " + tickers.size());
        }
        return List.copyOf(tickers);
    }

    private static LocalDate date(String name, String text, boolean required, List<String> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(name + " is required (yyyy-MM-dd)");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(name + ": \"" + text + "\" is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    private static BigDecimal cash(String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            problems.add("startingCash is required");
            return null;
        }
        try {
            BigDecimal cash = new BigDecimal(text.strip());
            if (cash.signum() <= 0 || cash.scale() > 2 || cash.compareTo(new BigDecimal("1000000000")) > 0) {
                problems.add("startingCash: " + text + " must be more than 0, at most 1,000,000,000, in cents at most");
                return null;
            }
            return cash;
        } catch (NumberFormatException e) {
            problems.add("startingCash: \"" + text + "\" is not an amount (e.g. 100000.00)");
            return null;
        }
    }
}
