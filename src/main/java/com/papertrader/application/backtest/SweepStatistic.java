package com.papertrader.application.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statistic a sweep ranks its runs by (and a walk-forward chooses parameters by): its name in forms and the API,
 * how a run's value is read, and which way is better. A drawdown is better smaller; every other one larger.
 */
public enum SweepStatistic {
    SHARPE("sharpe", "Sharpe", false, BacktestRun::getSharpe),
    SORTINO("sortino", "Sortino", false, BacktestRun::getSortino),
    TOTAL_RETURN("totalReturn", "Total return", true, BacktestRun::getTotalReturn),
    CAGR("cagr", "CAGR", true, BacktestRun::getCagr),
    CALMAR("calmar", "Calmar", false, BacktestRun::getCalmar),
    SQN("sqn", "SQN", false, BacktestRun::getSqn),
    PROFIT_FACTOR("profitFactor", "Profit factor", false, BacktestRun::getProfitFactor),
    WIN_RATE("winRate", "Win rate", true, BacktestRun::getWinRate),
    MAX_DRAWDOWN("maxDrawdown", "Max drawdown (smaller first)", true, BacktestRun::getMaxDrawdown);

    private final String key;
    private final String label;
    private final boolean fraction;
    private final Function<BacktestRun, Double> value;

    SweepStatistic(String key, String label, boolean fraction, Function<BacktestRun, Double> value) {
        this.key = key;
        this.label = label;
        this.fraction = fraction;
        this.value = value;
    }

    /** Whether it is a fraction (shown as a percentage) rather than a plain figure. */
    public boolean isFraction() {
        return fraction;
    }

    /** @throws IllegalArgumentException naming the statistics there are */
    public static SweepStatistic parse(String key) {
        if (key == null || key.isBlank()) {
            return SHARPE;
        }
        return Arrays.stream(values()).filter(statistic -> statistic.key.equals(key.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rankBy: \"" + key + "\" is not one of "
                        + Arrays.stream(values()).map(SweepStatistic::key).collect(Collectors.joining(", "))));
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    /** The run's value; null when it has none (not finished, or the ratio is no number). */
    public Double of(BacktestRun run) {
        return run.getStatus() == BacktestRun.Status.DONE ? value.apply(run) : null;
    }

    /** Best first: finished runs by their value, then finished runs without one, then the others; combination order breaks ties. */
    public Comparator<BacktestRun> ranking() {
        Comparator<Double> better = this == MAX_DRAWDOWN ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing((BacktestRun run) -> run.getStatus() != BacktestRun.Status.DONE)
                .thenComparing(this::of, Comparator.nullsLast(better))
                .thenComparing(run -> run.getSweepIndex() == null ? 0 : run.getSweepIndex());
    }
}
