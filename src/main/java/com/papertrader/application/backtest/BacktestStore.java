package com.papertrader.application.backtest;

import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to backtest runs and their results, and to the live record a parity check compares a replay with. */
public interface BacktestStore {

    void add(BacktestRun run);

    void started(String id, long totalBars);

    void finished(String id, BacktestResult result, Instant at);

    void failed(String id, String reason, Instant at);

    /** A run with its trades, equity curve and holdings. */
    Optional<BacktestRun> find(String id);

    /** Every run, newest first, without its rows. */
    List<BacktestRun> all();

    /** The orders an agent's signals (and its end-of-day flattens) placed on bars in [from, to), with their events. */
    List<Order> liveOrders(String agentId, Instant from, Instant to);

    /** The fills of an agent's orders on bars in [from, to). */
    List<Fill> liveFills(String agentId, Instant from, Instant to);
}
