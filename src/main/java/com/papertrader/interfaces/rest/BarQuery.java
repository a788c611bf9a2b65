package com.papertrader.interfaces.rest;

import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Ticker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The parameters of the bars and markers API, validated: a ticker, the window [from, to) and how many bars at most.
 * A time is an ISO-8601 instant or offset date-time, or a date, meaning that day in New York: from its start
 * for {@code from}, through its end for {@code to}. Bars are newest-bounded: the newest {@code limit} bars of the
 * window, so without parameters a client gets the latest bars and pages back with {@code to}.
 *
 * @throws IllegalArgumentException with a message naming the parameter, for a client's 400
 */
public record BarQuery(Ticker ticker, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 500;
    /** Larger limits are capped to this, so one request never reads a ticker's whole history. */
    public static final int MAX_LIMIT = 2000;
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    public BarQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    public static BarQuery parse(String ticker, String from, String to, String limit) {
        return new BarQuery(Ticker.parse(ticker), time("from", from, false).orElse(EARLIEST),
                time("to", to, true).orElse(LATEST), limit(limit));
    }

    /** An agent filter: absent when blank. */
    public static Optional<AgentId> agent(String agent) {
        return agent == null || agent.isBlank() ? Optional.empty() : Optional.of(AgentId.of(agent.trim()));
    }

    private static Optional<Instant> time(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(MarketCalendar.NEW_YORK).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + text
                    + "' is not a date (2026-06-10) or an ISO-8601 instant (2026-06-10T13:30:00Z)");
        }
    }

    /** A page size: {@link #DEFAULT_LIMIT} when absent, capped to {@link #MAX_LIMIT}. */
    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1) {
                return Math.min(limit, MAX_LIMIT);
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("limit '" + text + "' must be a whole number from 1 (larger than "
                + MAX_LIMIT + " is capped to " + MAX_LIMIT + ")");
    }
}
