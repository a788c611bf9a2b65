package com.papertrader.application.trading;

import java.math.BigDecimal;

/** What the broker holds now, for the status page: counts, and equity and day P&L summed over the accounts. */
public record TradingSummary(int accounts, int workingOrders, int openPositions, BigDecimal totalEquity, BigDecimal dayPnl) {
}
