package com.papertrader.domain.trading.risk;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.order.Order;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How many of an agent's orders one rule refused on one trading day, with the latest refusal's reason and time.
 *
 * @param tradingDay the New York date of the refused orders' bars
 * @param lastAt     when the latest was refused (market time)
 */
public record RefusalCount(String agentId, LocalDate tradingDay, String rule, long refusals, String lastReason, Instant lastAt) {

    public RefusalCount {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(tradingDay, "tradingDay");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(lastReason, "lastReason");
        Objects.requireNonNull(lastAt, "lastAt");
        if (refusals < 1) {
            throw new IllegalArgumentException("refusals must be at least 1: " + refusals);
        }
    }

    /** One refused order. */
    public static RefusalCount of(Order order, RiskDenial denial) {
        return new RefusalCount(order.agentId(), order.barTime().atZone(MarketCalendar.NEW_YORK).toLocalDate(), denial.rule(), 1,
                denial.reason(), order.createdAt());
    }

    /** Whether both count the same agent, day and rule. */
    public boolean counts(RefusalCount other) {
        return agentId.equals(other.agentId) && tradingDay.equals(other.tradingDay) && rule.equals(other.rule);
    }

    /** This count with {@code later}'s added, its reason and time the latest. */
    public RefusalCount plus(RefusalCount later) {
        if (!counts(later)) {
            throw new IllegalArgumentException("not the same agent, day and rule: " + this + " and " + later);
        }
        return new RefusalCount(agentId, tradingDay, rule, refusals + later.refusals, later.lastReason, later.lastAt);
    }
}
