package com.papertrader.domain.market;

import java.time.LocalDate;

/**
 * Something a company does to its shares that a paper account must follow: a {@link Split} or a {@link CashDividend}.
 * Identified by its {@link #key()} (kind, ticker and effective date), the idempotence key: an action is stored once and
 * applied at most once, whatever source brings it again.
 */
public sealed interface CorporateAction permits Split, CashDividend {

    String ticker();

    /** The first New York trading day on the new basis: a split's execution date, a dividend's ex-date. */
    LocalDate effectiveDate();

    /** {@code SPLIT|AAPL|2026-06-10}, {@code DIVIDEND|AAPL|2026-08-11}. */
    String key();

    /** For a person: "10-for-1 split", "cash dividend of 0.26 USD a share". */
    String describe();

    /** Whether this is the same event as {@code other} (same key) with other values: a correction. */
    default boolean corrects(CorporateAction other) {
        return key().equals(other.key()) && !equals(other);
    }

    static String key(String kind, String ticker, LocalDate date) {
        return kind + "|" + ticker + "|" + date;
    }
}
