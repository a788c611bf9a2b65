package com.papertrader.application.settings;

import java.math.BigDecimal;

/**
 * The paper broker's terms: each new account's cash, slippage on market and stop fills, and commission; and how many
 * of each agent's newest refused orders are kept in full (every refusal is counted by agent, day and rule).
 *
 * @param slippageBps in basis points of the fill price
 */
public record TradingSettings(BigDecimal startingCash, BigDecimal slippageBps, BigDecimal commissionPerShare,
                              BigDecimal commissionMinimum, int refusedOrdersKept) {

    public static final String STARTING_CASH = "trading.starting-cash";
    public static final String SLIPPAGE_BPS = "trading.slippage-bps";
    public static final String COMMISSION_PER_SHARE = "trading.commission-per-share";
    public static final String COMMISSION_MINIMUM = "trading.commission-minimum";
    public static final String REFUSED_ORDERS_KEPT = "trading.refused-orders-kept";

    static TradingSettings read(SettingsReader in) {
        return new TradingSettings(in.positiveDecimal(STARTING_CASH), in.nonNegativeDecimal(SLIPPAGE_BPS),
                in.nonNegativeDecimal(COMMISSION_PER_SHARE), in.nonNegativeDecimal(COMMISSION_MINIMUM),
                in.nonNegativeInt(REFUSED_ORDERS_KEPT));
    }
}
