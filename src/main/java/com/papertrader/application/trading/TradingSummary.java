package com.papertrader.application.trading;

import java.math.BigDecimal;

/** What the broker holds, for the status: counts, and equity and day P&L summed over the accounts (TradingDesk fires one after each change). */
public record TradingSummary(int accounts, int workingOrders, int openPositions, BigDecimal totalEquity, BigDecimal dayPnl) {

    /** Before the trading desk has started. */
    public static final TradingSummary NOTHING_YET = new TradingSummary(0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
}
