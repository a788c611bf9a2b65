package com.papertrader.application.backtest;

import com.papertrader.domain.agent.AgentParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sweep's statistic over two of its parameters: one row per value of {@code y}, one column per value of {@code x},
 * each cell the best value among the finished runs with those two values (the best over the other parameters when the
 * grid has more), with that run, and a shade from 0 (worst in the map) to {@link #SHADES} - 1 (best).
 */
public record Heatmap(String x, String y, List<Object> xValues, List<Object> yValues, SweepStatistic statistic, List<List<Cell>> rows) {

    public static final int SHADES = 10;

    /** A cell: empty (no finished run with a value) or the best value and its run. */
    public record Cell(Double value, String runId, int shade) {
        public boolean isEmpty() {
            return value == null;
        }
    }

    /** Over the grid's first two parameters that take several values; none when fewer than two do. */
    public static Optional<Heatmap> of(ParameterGrid grid, List<BacktestRun> runs, SweepStatistic statistic) {
        List<String> varying = grid.varying();
        if (varying.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(of(grid, runs, statistic, varying.get(0), varying.get(1)));
    }

    static Heatmap of(ParameterGrid grid, List<BacktestRun> runs, SweepStatistic statistic, String x, String y) {
        List<Object> xValues = grid.values(x);
        List<Object> yValues = grid.values(y);
        BacktestRun[][] best = new BacktestRun[yValues.size()][xValues.size()];
        for (BacktestRun run : runs) {
            Double value = statistic.of(run);
            Optional<Map<String, Object>> parameters = run.parameters().map(AgentParameters::asMap);
            if (value == null || parameters.isEmpty()) {
                continue;
            }
            int column = indexOf(xValues, parameters.get().get(x));
            int row = indexOf(yValues, parameters.get().get(y));
            if (row >= 0 && column >= 0 && (best[row][column] == null || statistic.ranking().compare(run, best[row][column]) < 0)) {
                best[row][column] = run;
            }
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (BacktestRun[] row : best) {
            for (BacktestRun run : row) {
                if (run != null) {
                    low = Math.min(low, statistic.of(run));
                    high = Math.max(high, statistic.of(run));
                }
            }
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (BacktestRun[] row : best) {
            List<Cell> cells = new ArrayList<>();
            for (BacktestRun run : row) {
                Double value = run == null ? null : statistic.of(run);
                cells.add(run == null ? new Cell(null, null, 0) : new Cell(value, run.getId(), shade(statistic, value, low, high)));
            }
            rows.add(cells);
        }
        return new Heatmap(x, y, xValues, yValues, statistic, rows);
    }

    /** Evenly from worst to best; the top shade when all cells are equal. */
    private static int shade(SweepStatistic statistic, double value, double low, double high) {
        if (high == low) {
            return SHADES - 1;
        }
        double goodness = (value - low) / (high - low);
        if (statistic == SweepStatistic.MAX_DRAWDOWN) {
            goodness = 1 - goodness;
        }
        return (int) Math.min(SHADES - 1, Math.floor(goodness * SHADES));
    }

    /** Numbers compare by value (a run's 20 is the grid's 20.0), anything else by equality. */
    private static int indexOf(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            Object candidate = values.get(i);
            if (candidate instanceof BigDecimal a && value instanceof BigDecimal b ? a.compareTo(b) == 0
                    : Objects.equals(candidate, value)) {
                return i;
            }
        }
        return -1;
    }
}
