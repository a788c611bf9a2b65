package com.papertrader.application.backtest;

import java.util.ArrayList;
import java.util.List;

/** A sweep as asked for, checked: the backtest each combination runs, the grid of parameters and the ranking statistic. */
public record SweepRequest(BacktestRequest backtest, ParameterGrid grid, SweepStatistic rankBy) {

    /**
     * Fields as for {@link BacktestRequest#parse} (stored bars only: a sweep can be resumed, an upload could not be),
     * the grid as {@link ParameterGrid#parse} reads it, the statistic's key.
     *
     * @throws IllegalArgumentException naming every problem found
     */
    public static SweepRequest parse(String agentId, String tickers, String from, String to, String startingCash, String prices,
                                     String grid, String rankBy) {
        List<String> problems = new ArrayList<>();
        BacktestRequest backtest = null;
        ParameterGrid parsedGrid = null;
        SweepStatistic statistic = null;
        try {
            backtest = BacktestRequest.parse(agentId, tickers, from, to, startingCash, false).withPrices(prices);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            parsedGrid = ParameterGrid.parse(grid);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            statistic = SweepStatistic.parse(rankBy);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new SweepRequest(backtest, parsedGrid, statistic);
    }
}
