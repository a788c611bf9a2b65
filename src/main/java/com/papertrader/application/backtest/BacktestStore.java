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

    /** Stores a sweep with its combinations' runs, queued. */
    void addSweep(BacktestSweep sweep, List<BacktestRun> runs);

    Optional<BacktestSweep> findSweep(String id);

    /** Every sweep, newest first. */
    List<BacktestSweep> sweeps();

    /** A sweep's runs in grid order, without their rows. */
    List<BacktestRun> runsOf(String sweepId);

    void sweepRunning(String id);

    void sweepEnded(String id, boolean canceled, Instant at);

    void sweepFailed(String id, String reason, Instant at);

    /**
     * Queues again the sweep and its runs that did not end (canceled, or cut off by a restart), in one transaction, so the
     * sweep reads as queued before its resume answers; returns those runs in grid order.
     */
    List<BacktestRun> requeue(String sweepId);

    void addWalkForward(WalkForward test);

    /** A walk-forward test with its windows and equity curve. */
    Optional<WalkForward> findWalkForward(String id);

    /** Every walk-forward test, newest first, without its rows. */
    List<WalkForward> walkForwards();

    void walkForwardStarted(String id, int windows);

    void walkForwardFinished(String id, WalkForwardRunner.Result result, Instant at);

    void walkForwardFailed(String id, String reason, Instant at);

    /** The orders an agent's signals (and its end-of-day flattens) placed on bars in [from, to), with their events. */
    List<Order> liveOrders(String agentId, Instant from, Instant to);

    /** The fills of an agent's orders on bars in [from, to). */
    List<Fill> liveFills(String agentId, Instant from, Instant to);
}
