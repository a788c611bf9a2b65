package com.papertrader.application.backtest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The statistic a sweep ranks its runs by (and a walk-forward chooses parameters by): its name in forms and the API,
 * how a run's value is read, and which way is better. A drawdown is better smaller; every other one larger.
 */
public enum SweepStatistic {
    SHARPE("sharpe", "Sharpe", false, BacktestRun::getSharpe, Statistics::sharpe),
    SORTINO("sortino", "Sortino", false, BacktestRun::getSortino, Statistics::sortino),
    TOTAL_RETURN("totalReturn", "Total return", true, BacktestRun::getTotalReturn, Statistics::totalReturn),
    CAGR("cagr", "CAGR", true, BacktestRun::getCagr, Statistics::cagr),
    CALMAR("calmar", "Calmar", false, BacktestRun::getCalmar, Statistics::calmar),
    SQN("sqn", "SQN", false, BacktestRun::getSqn, Statistics::sqn),
    PROFIT_FACTOR("profitFactor", "Profit factor", false, BacktestRun::getProfitFactor, Statistics::profitFactor),
    WIN_RATE("winRate", "Win rate", true, BacktestRun::getWinRate, Statistics::winRate),
    MAX_DRAWDOWN("maxDrawdown", "Max drawdown (smaller first)", true, BacktestRun::getMaxDrawdown, Statistics::maxDrawdown);

    private final String key;
    private final String label;
    private final boolean fraction;
    /** As stored with a run (null for no number), and as computed by a run in memory (NaN for no number). */
    private final Function<BacktestRun, Double> value;
    private final ToDoubleFunction<Statistics> computed;

    SweepStatistic(String key, String label, boolean fraction, Function<BacktestRun, Double> value, ToDoubleFunction<Statistics> computed) {
        this.key = key;
        this.label = label;
        this.fraction = fraction;
        this.value = value;
        this.computed = computed;
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

    /** The value in a run's statistics; NaN when it is no number. */
    public double of(Statistics statistics) {
        return computed.applyAsDouble(statistics);
    }

    /** Whether {@code a} is better than {@code b}; a number is better than none. */
    public boolean better(double a, double b) {
        if (Double.isNaN(b)) {
            return !Double.isNaN(a);
        }
        return this == MAX_DRAWDOWN ? a < b : a > b;
    }

    /** Best first: finished runs by their value, then finished runs without one, then the others; combination order breaks ties. */
    public Comparator<BacktestRun> ranking() {
        Comparator<Double> better = this == MAX_DRAWDOWN ? Comparator.naturalOrder() : Comparator.reverseOrder();
        return Comparator.comparing((BacktestRun run) -> run.getStatus() != BacktestRun.Status.DONE)
                .thenComparing(this::of, Comparator.nullsLast(better))
                .thenComparing(run -> run.getSweepIndex() == null ? 0 : run.getSweepIndex());
    }
}
