package com.papertrader.application.reporting;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.order.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which orders (or fills) to list: by agent, ticker, status and New York trading date range (inclusive).
 * Every part is optional. The dates apply to when the order was created (a fill: when it filled).
 */
public record OrderFilter(String agentId, String ticker, OrderStatus status, LocalDate from, LocalDate to) {

    public static final OrderFilter NONE = new OrderFilter(null, null, null, null, null);

    public OrderFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from: " + from + " is after to: " + to);
        }
    }

    public static OrderFilter forAgent(String agentId) {
        return new OrderFilter(agentId, null, null, null, null);
    }

    /** From the parameters {@code agent}, {@code ticker}, {@code status}, {@code from}, {@code to}. */
    public static OrderFilter parse(Function<String, String> parameters) {
        QueryParameters query = new QueryParameters(parameters);
        return new OrderFilter(query.agentId("agent"), query.ticker("ticker"), query.choice("status", OrderStatus.class),
                query.date("from"), query.date("to"));
    }

    /** The first instant of {@code from} in New York; null when open. */
    public Instant fromInstant() {
        return from == null ? null : from.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    /** The first instant after {@code to} in New York (exclusive bound); null when open. */
    public Instant toInstantExclusive() {
        return to == null ? null : to.plusDays(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
    }

    /** The filter as request parameters, for links that keep it (paging, CSV export). */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "agent", agentId);
        put(parameters, "ticker", ticker);
        put(parameters, "status", status);
        put(parameters, "from", from);
        put(parameters, "to", to);
        return parameters;
    }

    static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }
}
