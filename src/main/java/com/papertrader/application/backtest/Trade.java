package com.papertrader.application.backtest;

import com.papertrader.domain.trading.portfolio.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One round trip: a position from its first entry fill until it is flat again, with the reasons of the orders that
 * opened and closed it. Prices are volume-weighted averages of the fills; {@code pnl} is the net cash it made
 * (commissions included). A position still open at the end has no exit.
 *
 * @param adverseExcursion   MAE: how far the price went against the trade while it was open (from its entry bar through
 *                           its exit bar), as a fraction of the entry price: (entry − lowest low) / entry for a long,
 *                           (highest high − entry) / entry for a short, 0 if never; NaN where the bars are not known
 * @param favourableExcursion MFE: how far it went for the trade, alike
 */
public record Trade(String ticker, PositionSide side, long quantity, Instant entryAt, BigDecimal entryPrice,
                    String entryReason, Instant exitAt, BigDecimal exitPrice, String exitReason, BigDecimal pnl,
                    double adverseExcursion, double favourableExcursion) {

    public boolean isClosed() {
        return exitAt != null;
    }

    /** The value of the shares bought and sold: quantity × entry price, plus quantity × exit price once closed. */
    public BigDecimal tradedValue() {
        BigDecimal shares = BigDecimal.valueOf(quantity);
        BigDecimal entered = shares.multiply(entryPrice);
        return isClosed() ? entered.add(shares.multiply(exitPrice)) : entered;
    }

    /** The net profit of a closed trade. */
    public Optional<BigDecimal> closedPnl() {
        return isClosed() ? Optional.of(pnl) : Optional.empty();
    }
}
