package com.papertrader.application.settings;

import java.math.BigDecimal;

/**
 * The paper broker's terms: each new account's cash, slippage on market and stop fills, and commission.
 *
 * @param slippageBps in basis points of the fill price
 */
public record TradingSettings(BigDecimal startingCash, BigDecimal slippageBps, BigDecimal commissionPerShare,
                              BigDecimal commissionMinimum) {

    public static final String STARTING_CASH = "trading.starting-cash";
    public static final String SLIPPAGE_BPS = "trading.slippage-bps";
    public static final String COMMISSION_PER_SHARE = "trading.commission-per-share";
    public static final String COMMISSION_MINIMUM = "trading.commission-minimum";

    static TradingSettings read(SettingsReader in) {
        return new TradingSettings(in.positiveDecimal(STARTING_CASH), in.nonNegativeDecimal(SLIPPAGE_BPS),
                in.nonNegativeDecimal(COMMISSION_PER_SHARE), in.nonNegativeDecimal(COMMISSION_MINIMUM));
    }
}
