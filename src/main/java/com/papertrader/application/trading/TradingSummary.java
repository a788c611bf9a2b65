package com.papertrader.application.trading;

/** What the broker holds now, for the status page. */
public record TradingSummary(int accounts, int workingOrders, int openPositions) {
}
