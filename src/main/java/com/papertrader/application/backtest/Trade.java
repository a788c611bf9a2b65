package com.papertrader.application.backtest;

import com.papertrader.domain.trading.portfolio.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One round trip: a position from its first entry fill until it is flat again, with the reasons of the orders that
 * opened and closed it. Prices are volume-weighted averages of the fills; {@code pnl} is the net cash it made
 * (commissions included). A position still open at the end has no exit.
 */
public record Trade(String ticker, PositionSide side, long quantity, Instant entryAt, BigDecimal entryPrice,
                    String entryReason, Instant exitAt, BigDecimal exitPrice, String exitReason, BigDecimal pnl) {

    public boolean isClosed() {
        return exitAt != null;
    }

    /** The net profit of a closed trade. */
    public Optional<BigDecimal> closedPnl() {
        return isClosed() ? Optional.of(pnl) : Optional.empty();
    }
}
