package com.papertrader.domain.trading.execution;

/**
 * Which bracket leg wins when one bar touches both the stop loss and the take profit. A bar does not say which
 * price came first, so the default assumes the worst (the stop).
 */
public enum SameBarExits {
    STOP_LOSS_FIRST, TAKE_PROFIT_FIRST
}
