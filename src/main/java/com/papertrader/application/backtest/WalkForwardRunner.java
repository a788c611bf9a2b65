package com.papertrader.application.backtest;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * A walk-forward test: the period's trading days cut into rolling windows of {@code inSampleDays} followed by
 * {@code outOfSampleDays}, moved on by the out-of-sample length. In each window every combination of the grid is
 * backtested on the in-sample days (in parallel, by a {@link SweepRunner}), the best by the chosen statistic is traded
 * on the out-of-sample days that follow, starting with the equity the previous out-of-sample window ended with, and the
 * out-of-sample equity curves are joined into one. Each backtest is warmed with the bars before its first day, as a
 * backtest of stored bars is. Plain Java.
 */
public final class WalkForwardRunner {

    /** The days of one window, each range with both ends included. */
    public record Window(LocalDate inSampleFrom, LocalDate inSampleTo, LocalDate outOfSampleFrom, LocalDate outOfSampleTo) {
    }

    /**
     * A window's outcome: the combination chosen in sample (none when every run failed; then nothing is traded out of
     * sample), its in-sample value of the statistic and statistics, and what it did out of sample.
     */
    public record WindowResult(Window window, Optional<Map<String, Object>> chosen, double inSampleValue, Optional<Statistics> inSample,
                               int failedRuns, Optional<Statistics> outOfSample) {
    }

    /**
     * The whole test: each window, the joined out-of-sample equity and its statistics, the mean in-sample value of the
     * statistic of the chosen combinations, and the probabilistic and deflated Sharpe ratios of the out-of-sample returns
     * (the deflated one against the best of {@code trials} no-edge Sharpe ratios with the variance the in-sample runs had).
     */
    public record Result(List<WindowResult> windows, List<EquityPoint> equity, Statistics outOfSample, double inSampleMean,
                         double probabilisticSharpe, double deflatedSharpe, int trials, boolean canceled) {
    }

    private final Backtester backtester;
    private final Agent agent;
    private final List<String> tickers;
    private final BigDecimal startingCash;
    /** Per ticker, in time order: the bars before the period (for warming) and the period's. */
    private final List<List<Bar>> bars;
    private final int warmupBars;
    private final List<LocalDate> periodDays;

    /**
     * @param before     bars before the period, oldest first (any tickers mixed): they warm the first window
     * @param series     the period's bars, one list per ticker in the order of {@code tickers}, each in time order
     * @param warmupBars how many bars of each ticker before a backtest's first day warm it (the scanner's window)
     */
    public WalkForwardRunner(Backtester backtester, Agent agent, List<String> tickers, BigDecimal startingCash, List<Bar> before,
                             List<List<Bar>> series, int warmupBars) {
        this.backtester = backtester;
        this.agent = agent;
        this.tickers = List.copyOf(tickers);
        this.startingCash = startingCash;
        this.warmupBars = warmupBars;
        List<List<Bar>> all = new ArrayList<>();
        for (int i = 0; i < tickers.size(); i++) {
            String ticker = tickers.get(i);
            List<Bar> ofTicker = new ArrayList<>(before.stream().filter(bar -> bar.ticker().equals(ticker)).toList());
            ofTicker.addAll(series.get(i));
            all.add(List.copyOf(ofTicker));
        }
        this.bars = all;
        this.periodDays = days(series);
    }

    /** The New York dates on which the period has bars, in order. */
    public List<LocalDate> days() {
        return periodDays;
    }

    /**
     * The windows over these trading days; the days after the last whole window are not tested.
     *
     * @throws IllegalArgumentException when the lengths are not positive or the days hold no whole window
     */
    public static List<Window> windows(List<LocalDate> days, int inSampleDays, int outOfSampleDays) {
        if (inSampleDays < 1 || outOfSampleDays < 1) {
            throw new IllegalArgumentException("the in-sample and out-of-sample lengths are trading days, at least 1 each");
        }
        if (days.size() < inSampleDays + outOfSampleDays) {
            throw new IllegalArgumentException("the period has " + days.size() + " trading days with bars; one window of "
                    + inSampleDays + " in-sample and " + outOfSampleDays + " out-of-sample days needs " + (inSampleDays + outOfSampleDays));
        }
        List<Window> windows = new ArrayList<>();
        for (int start = 0; start + inSampleDays + outOfSampleDays <= days.size(); start += outOfSampleDays) {
            windows.add(new Window(days.get(start), days.get(start + inSampleDays - 1), days.get(start + inSampleDays),
                    days.get(start + inSampleDays + outOfSampleDays - 1)));
        }
        return windows;
    }

    /**
     * @param windowsDone hears how many windows are done after each
     * @param canceled    asked between runs; true ends the test with the windows done
     * @throws IllegalArgumentException when the period holds no whole window
     */
    public Result run(ParameterGrid grid, SweepStatistic statistic, int inSampleDays, int outOfSampleDays, int parallelism,
                      Executor executor, IntConsumer windowsDone, BooleanSupplier canceled) {
        List<Window> windows = windows(periodDays, inSampleDays, outOfSampleDays);
        List<Map<String, Object>> combinations = grid.combinations();
        List<WindowResult> results = new ArrayList<>();
        List<EquityPoint> equity = new ArrayList<>();
        List<Trade> trades = new ArrayList<>();
        List<Double> trialSharpes = new ArrayList<>();
        BigDecimal cash = startingCash;
        boolean stopped = false;
        for (Window window : windows) {
            InSample inSample = inSample(window, combinations, parallelism, executor, canceled);
            if (inSample.canceled || canceled.getAsBoolean()) {
                stopped = true;
                break;
            }
            Arrays.stream(inSample.results).filter(result -> result != null && Double.isFinite(result.statistics().sharpe()))
                    .forEach(result -> trialSharpes.add(result.statistics().sharpe() / Math.sqrt(Statistics.BARS_PER_YEAR)));
            int best = best(inSample.results, statistic);
            if (best < 0) {
                results.add(new WindowResult(window, Optional.empty(), Double.NaN, Optional.empty(), inSample.failed, Optional.empty()));
            } else {
                BacktestResult outOfSample = backtester.run(agent, ParameterGrid.overlay(agent.getParameters(), combinations.get(best)),
                        tickers, cash, warmup(window.outOfSampleFrom()), Backtester.inTimeOrder(between(window.outOfSampleFrom(),
                                window.outOfSampleTo())), Backtester.Progress.NONE, canceled);
                if (outOfSample.canceled()) {
                    stopped = true;
                    break;
                }
                Statistics chosen = inSample.results[best].statistics();
                results.add(new WindowResult(window, Optional.of(combinations.get(best)), statistic.of(chosen), Optional.of(chosen),
                        inSample.failed, Optional.of(outOfSample.statistics())));
                equity.addAll(equity.isEmpty() ? outOfSample.equity() : outOfSample.equity().subList(1, outOfSample.equity().size()));
                trades.addAll(outOfSample.trades());
                cash = outOfSample.statistics().endEquity();
            }
            windowsDone.accept(results.size());
        }
        if (equity.isEmpty()) {
            equity.add(new EquityPoint(Instant.EPOCH, startingCash, false));
        }
        double[] returns = Statistics.returns(equity);
        double variance = variance(trialSharpes);
        return new Result(results, equity, Statistics.of(equity, trades),
                results.stream().mapToDouble(WindowResult::inSampleValue).filter(Double::isFinite).average().orElse(Double.NaN),
                SharpeSignificance.probabilistic(returns, 0),
                SharpeSignificance.probabilistic(returns, SharpeSignificance.expectedMaximum(variance, combinations.size())),
                combinations.size(), stopped);
    }

    /** Every combination's in-sample result (null where it failed), by grid index. */
    private record InSample(BacktestResult[] results, int failed, boolean canceled) {
    }

    private InSample inSample(Window window, List<Map<String, Object>> combinations, int parallelism, Executor executor,
                              BooleanSupplier canceled) {
        List<SweepRunner.Combination> jobs = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            jobs.add(new SweepRunner.Combination(Integer.toString(i), ParameterGrid.overlay(agent.getParameters(), combinations.get(i))));
        }
        BacktestResult[] results = new BacktestResult[combinations.size()];
        int[] failed = new int[1];
        boolean[] stopped = new boolean[1];
        SweepRunner runner = new SweepRunner(backtester, agent, tickers, startingCash, warmup(window.inSampleFrom()),
                between(window.inSampleFrom(), window.inSampleTo()));
        runner.run(jobs, parallelism, executor, new SweepRunner.Outcomes() {
            @Override
            public RunProgress started(SweepRunner.Combination combination, long bars) {
                return new RunProgress();
            }

            @Override
            public void finished(SweepRunner.Combination combination, BacktestResult result) {
                synchronized (results) {
                    stopped[0] |= result.canceled();
                    results[Integer.parseInt(combination.runId())] = result.canceled() ? null : result;
                }
            }

            @Override
            public void failed(SweepRunner.Combination combination, String reason) {
                synchronized (results) {
                    failed[0]++;
                }
            }
        }, canceled);
        synchronized (results) {
            return new InSample(results, failed[0], stopped[0]);
        }
    }

    /** The index of the best result by the statistic, the first of equals; -1 when none has one. */
    private static int best(BacktestResult[] results, SweepStatistic statistic) {
        int best = -1;
        for (int i = 0; i < results.length; i++) {
            if (results[i] != null && !Double.isNaN(statistic.of(results[i].statistics()))
                    && (best < 0 || statistic.better(statistic.of(results[i].statistics()), statistic.of(results[best].statistics())))) {
                best = i;
            }
        }
        return best;
    }

    /** Each ticker's bars on the New York dates from {@code from} through {@code to}. */
    private List<List<Bar>> between(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        return bars.stream().map(series -> series.subList(firstAtOrAfter(series, start), firstAtOrAfter(series, end))).toList();
    }

    /** The last {@link #warmupBars} bars of each ticker before the day, in time order. */
    private List<Bar> warmup(LocalDate day) {
        Instant start = day.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        List<List<Bar>> before = bars.stream().map(series -> {
            int end = firstAtOrAfter(series, start);
            return series.subList(Math.max(0, end - warmupBars), end);
        }).toList();
        List<Bar> warmup = new ArrayList<>();
        Backtester.inTimeOrder(before).forEachRemaining(warmup::add);
        return warmup;
    }

    private static int firstAtOrAfter(List<Bar> series, Instant at) {
        int low = 0;
        int high = series.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (series.get(middle).start().isBefore(at)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static List<LocalDate> days(List<List<Bar>> series) {
        TreeSet<LocalDate> days = new TreeSet<>();
        series.forEach(bars -> bars.forEach(bar -> days.add(bar.start().atZone(MarketCalendar.NEW_YORK).toLocalDate())));
        return List.copyOf(days);
    }

    private static double variance(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum() / (values.size() - 1);
    }
}
