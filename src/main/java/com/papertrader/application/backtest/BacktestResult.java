package com.papertrader.application.backtest;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import java.util.List;
import java.util.Optional;

/**
 * What a backtest produced: every order (in its final state) and fill, the round trips, the equity curve, the
 * statistics and the buy-and-hold comparison, over the bars processed (all of them unless canceled).
 *
 * @param agentStopped why the agent stopped scanning during the run (its scans kept failing), if it did
 */
public record BacktestResult(long barsProcessed, boolean canceled, List<Order> orders, List<Fill> fills,
                             List<Trade> trades, List<EquityPoint> equity, Statistics statistics,
                             BuyAndHold buyAndHold, Optional<String> agentStopped) {

    public BacktestResult {
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        equity = List.copyOf(equity);
    }
}
