package com.papertrader.application.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The account's equity after every ticker's bar of one bar start has been processed, at those bars' close.
 *
 * @param exposed whether the account held any position at that moment
 */
public record EquityPoint(Instant at, BigDecimal equity, boolean exposed) {

    public EquityPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(equity, "equity");
    }
}
