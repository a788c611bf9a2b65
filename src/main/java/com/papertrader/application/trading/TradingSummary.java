package com.papertrader.application.trading;

import com.papertrader.domain.trading.risk.KillSwitch;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the broker holds, for the status: counts, equity and day P&L summed over the accounts, and the kill switch while
 * it is engaged (TradingDesk fires one after each change).
 */
public record TradingSummary(int accounts, int workingOrders, int openPositions, BigDecimal totalEquity, BigDecimal dayPnl,
                             Optional<KillSwitch> killSwitch) {

    /** Before the trading desk has started. */
    public static final TradingSummary NOTHING_YET = new TradingSummary(0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
            Optional.empty());
}
