package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A cash dividend: holders of record before the ex-date receive {@code cashAmount} a share (in the share basis of the
 * ex-date). Only US dollar dividends are followed.
 *
 * @param payDate  when the issuer pays, or null when not announced (the paper account is credited at the ex-date)
 * @param sourceId the data source's id of the event, or null
 * @throws IllegalArgumentException naming the ticker for an amount that is not positive or a currency other than USD
 */
public record CashDividend(String ticker, LocalDate exDate, LocalDate payDate, BigDecimal cashAmount, String currency,
                           String sourceId) implements CorporateAction {

    public static final String USD = "USD";

    public CashDividend {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(exDate, "exDate");
        if (cashAmount == null || cashAmount.signum() <= 0) {
            throw new IllegalArgumentException("Dividend of " + ticker + " ex " + exDate + ": the amount must be positive, got "
                    + cashAmount);
        }
        if (!USD.equals(currency)) {
            throw new IllegalArgumentException("Dividend of " + ticker + " ex " + exDate + " is paid in " + currency
                    + "; only USD dividends are followed");
        }
        cashAmount = cashAmount.stripTrailingZeros();
    }

    @Override
    public LocalDate effectiveDate() {
        return exDate;
    }

    @Override
    public String key() {
        return CorporateAction.key("DIVIDEND", ticker, exDate);
    }

    @Override
    public String describe() {
        return "cash dividend of " + cashAmount.toPlainString() + " " + currency + " a share";
    }
}
