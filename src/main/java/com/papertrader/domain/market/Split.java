package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock split: from its execution date each {@code splitFrom} old shares are {@code splitTo} new ones. A 10-for-1
 * split is from 1 to 10 (prices divide by 10, share counts multiply); a 1-for-8 reverse split is from 8 to 1.
 *
 * @param sourceId the data source's id of the event, or null
 * @throws IllegalArgumentException naming the ticker for a ratio that is not a split (zero, negative, 1-for-1)
 */
public record Split(String ticker, LocalDate executionDate, BigDecimal splitFrom, BigDecimal splitTo, String sourceId)
        implements CorporateAction {

    /** Enough digits for any ratio of two exchange-quoted numbers; results are rounded to money scales after. */
    private static final MathContext EXACT_ENOUGH = new MathContext(20, RoundingMode.HALF_UP);

    public Split {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(executionDate, "executionDate");
        if (splitFrom == null || splitTo == null || splitFrom.signum() <= 0 || splitTo.signum() <= 0) {
            throw new IllegalArgumentException("Split of " + ticker + " on " + executionDate + ": the ratio must be positive, got "
                    + splitFrom + " to " + splitTo);
        }
        if (splitFrom.compareTo(splitTo) == 0) {
            throw new IllegalArgumentException("Split of " + ticker + " on " + executionDate + ": " + splitTo.toPlainString()
                    + "-for-" + splitFrom.toPlainString() + " changes nothing (a stock dividend is not a split)");
        }
        splitFrom = splitFrom.stripTrailingZeros();
        splitTo = splitTo.stripTrailingZeros();
    }

    @Override
    public LocalDate effectiveDate() {
        return executionDate;
    }

    @Override
    public String key() {
        return CorporateAction.key("SPLIT", ticker, executionDate);
    }

    @Override
    public String describe() {
        return splitTo.toPlainString() + "-for-" + splitFrom.toPlainString() + (isReverse() ? " reverse split" : " split");
    }

    public boolean isReverse() {
        return splitTo.compareTo(splitFrom) < 0;
    }

    /** New shares for {@code oldShares}, not rounded: 15 shares in a 3-for-2 split are 22.5. */
    public BigDecimal newShares(BigDecimal oldShares) {
        return oldShares.multiply(splitTo).divide(splitFrom, EXACT_ENOUGH);
    }

    /** A price on the new basis, not rounded: 100 in a 10-for-1 split is 10. */
    public BigDecimal newPrice(BigDecimal oldPrice) {
        return oldPrice.multiply(splitFrom).divide(splitTo, EXACT_ENOUGH);
    }

    /** What a price before the split is multiplied by to be on the new basis ({@code splitFrom / splitTo}). */
    public BigDecimal priceFactor() {
        return splitFrom.divide(splitTo, EXACT_ENOUGH);
    }
}
