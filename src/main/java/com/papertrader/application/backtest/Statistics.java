package com.papertrader.application.backtest;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A backtest's performance. Returns are per bar: r_i = equity_i / equity_(i-1) - 1 between consecutive
 * {@link EquityPoint}s (one per bar start, the first being the starting cash). Sharpe and Sortino use a zero risk-free
 * rate and annualise by {@link #BARS_PER_YEAR} (78 five-minute bars a regular session × 252 sessions): Sharpe =
 * mean(r) / sample standard deviation(r) × √BARS_PER_YEAR; Sortino = mean(r) / √(Σ min(r, 0)² / n) × √BARS_PER_YEAR.
 * CAGR is over calendar time, first to last point, with years of 365.25 days. Ratios that divide by zero are NaN.
 *
 * @param totalReturn        end equity / start equity - 1
 * @param maxDrawdown        the largest fall from a peak, as a positive fraction of the peak
 * @param maxDrawdownDuration the longest time from a peak until equity is back at it (or the end, if never)
 * @param winRate            winning closed trades / closed trades
 * @param profitFactor       gross profit / gross loss of closed trades
 * @param averageWin         mean net profit of winning trades (zero if none)
 * @param averageLoss        mean net loss of losing trades, negative (zero if none)
 * @param exposure           the fraction of points (after the first) at which a position was held
 * @param calmar             CAGR / max drawdown, over the whole run
 * @param sqn                Van Tharp's system quality number on net profits: √n × mean(pnl) / sample standard
 *                           deviation(pnl) of the n closed trades (NaN below two)
 * @param averageMae         mean maximum adverse excursion of closed trades, a fraction of the entry price ({@link Trade})
 * @param averageMfe         mean maximum favourable excursion of closed trades, alike
 * @param longestLosingStreak most closed trades in a row (in the order they closed) that lost money
 * @param turnover           how many times the average equity was traded: (value bought + value sold) / 2 / mean equity
 */
public record Statistics(BigDecimal startEquity, BigDecimal endEquity, double totalReturn, double cagr, double sharpe,
                         double sortino, double maxDrawdown, Duration maxDrawdownDuration, int trades, double winRate,
                         double profitFactor, BigDecimal averageWin, BigDecimal averageLoss, double exposure,
                         double calmar, double sqn, double averageMae, double averageMfe, int longestLosingStreak,
                         double turnover) {

    public static final int BARS_PER_DAY = 78;
    public static final int TRADING_DAYS_PER_YEAR = 252;
    public static final int BARS_PER_YEAR = BARS_PER_DAY * TRADING_DAYS_PER_YEAR;
    /** What the Sharpe and Sortino ratios are computed from, stated with every result. */
    public static final String RETURNS_BASIS = "per-bar equity returns (one point per bar start), zero risk-free rate,"
            + " annualised by sqrt(" + BARS_PER_DAY + " bars x " + TRADING_DAYS_PER_YEAR + " days)";
    private static final double SECONDS_PER_YEAR = 365.25 * 86_400;

    /** @param equity at least one point, oldest first; the first is the starting equity */
    public static Statistics of(List<EquityPoint> equity, List<Trade> trades) {
        if (equity.isEmpty()) {
            throw new IllegalArgumentException("statistics need at least the starting equity");
        }
        EquityPoint first = equity.get(0);
        EquityPoint last = equity.get(equity.size() - 1);
        double totalReturn = ratio(last.equity(), first.equity()) - 1;
        double years = Duration.between(first.at(), last.at()).getSeconds() / SECONDS_PER_YEAR;
        double cagr = years > 0 ? Math.pow(1 + totalReturn, 1 / years) - 1 : Double.NaN;
        double[] returns = returns(equity);
        double mean = mean(returns);
        double annualiser = Math.sqrt(BARS_PER_YEAR);
        double sharpe = mean / sampleStandardDeviation(returns) * annualiser;
        double sortino = mean / downsideDeviation(returns) * annualiser;
        Drawdown drawdown = Drawdown.of(equity);
        long exposed = equity.stream().skip(1).filter(EquityPoint::exposed).count();

        List<Trade> closedTrades = trades.stream().filter(Trade::isClosed).toList();
        List<BigDecimal> closed = closedTrades.stream().map(Trade::pnl).toList();
        List<BigDecimal> wins = closed.stream().filter(pnl -> pnl.signum() > 0).toList();
        List<BigDecimal> losses = closed.stream().filter(pnl -> pnl.signum() < 0).toList();
        BigDecimal grossProfit = sum(wins);
        BigDecimal grossLoss = sum(losses).negate();
        return new Statistics(first.equity(), last.equity(), totalReturn, cagr, finite(sharpe), finite(sortino),
                drawdown.maxDrawdown(), drawdown.longest(), closed.size(),
                closed.isEmpty() ? Double.NaN : (double) wins.size() / closed.size(),
                grossLoss.signum() == 0 ? Double.NaN : ratio(grossProfit, grossLoss),
                average(grossProfit, wins.size()), average(grossLoss.negate(), losses.size()),
                equity.size() < 2 ? 0 : (double) exposed / (equity.size() - 1),
                drawdown.maxDrawdown() > 0 ? finite(cagr / drawdown.maxDrawdown()) : Double.NaN, sqn(closed),
                mean(closedTrades.stream().mapToDouble(Trade::adverseExcursion).filter(Double::isFinite).toArray()),
                mean(closedTrades.stream().mapToDouble(Trade::favourableExcursion).filter(Double::isFinite).toArray()),
                longestLosingStreak(closed), turnover(equity, trades));
    }

    private static double sqn(List<BigDecimal> pnl) {
        double[] values = pnl.stream().mapToDouble(BigDecimal::doubleValue).toArray();
        return finite(Math.sqrt(values.length) * mean(values) / sampleStandardDeviation(values));
    }

    private static int longestLosingStreak(List<BigDecimal> pnl) {
        int longest = 0;
        int streak = 0;
        for (BigDecimal value : pnl) {
            streak = value.signum() < 0 ? streak + 1 : 0;
            longest = Math.max(longest, streak);
        }
        return longest;
    }

    private static double turnover(List<EquityPoint> equity, List<Trade> trades) {
        BigDecimal total = equity.stream().map(EquityPoint::equity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = total.divide(BigDecimal.valueOf(equity.size()), MathContext.DECIMAL64);
        BigDecimal traded = trades.stream().map(Trade::tradedValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return mean.signum() <= 0 ? Double.NaN : ratio(traded, mean) / 2;
    }

    public BigDecimal netProfit() {
        return endEquity.subtract(startEquity);
    }

    /** Per-bar returns between consecutive points. */
    static double[] returns(List<EquityPoint> equity) {
        double[] returns = new double[equity.size() - 1];
        for (int i = 1; i < equity.size(); i++) {
            returns[i - 1] = ratio(equity.get(i).equity(), equity.get(i - 1).equity()) - 1;
        }
        return returns;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    private static double sampleStandardDeviation(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    private static double downsideDeviation(double[] values) {
        double squares = 0;
        for (double value : values) {
            double below = Math.min(value, 0);
            squares += below * below;
        }
        return values.length == 0 ? Double.NaN : Math.sqrt(squares / values.length);
    }

    /** A ratio over a zero deviation (a flat curve, or no losing bar) is no number. */
    private static double finite(double value) {
        return Double.isFinite(value) ? value : Double.NaN;
    }

    private static double ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, MathContext.DECIMAL64).doubleValue();
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(Money.ZERO, BigDecimal::add);
    }

    private static BigDecimal average(BigDecimal total, int count) {
        return count == 0 ? Money.ZERO : total.divide(BigDecimal.valueOf(count), Money.CASH_SCALE, RoundingMode.HALF_UP);
    }

    /** Peak-to-trough falls of an equity curve. */
    public record Drawdown(double maxDrawdown, Duration longest, double[] series) {

        /** {@code series[i]}: how far point i is below the highest equity so far, as a fraction (0 at a new high). */
        public static Drawdown of(List<EquityPoint> equity) {
            Objects.requireNonNull(equity, "equity");
            double[] series = new double[equity.size()];
            double max = 0;
            Duration longest = Duration.ZERO;
            BigDecimal peak = null;
            int peakIndex = 0;
            for (int i = 0; i < equity.size(); i++) {
                BigDecimal value = equity.get(i).equity();
                if (peak == null || value.compareTo(peak) >= 0) {
                    if (i > peakIndex + 1) { // every point in between was below the peak: a drawdown recovered
                        longest = longer(longest, Duration.between(equity.get(peakIndex).at(), equity.get(i).at()));
                    }
                    peak = value;
                    peakIndex = i;
                } else {
                    series[i] = 1 - ratio(value, peak);
                    max = Math.max(max, series[i]);
                }
            }
            if (!equity.isEmpty() && peakIndex < equity.size() - 1) {
                longest = longer(longest, Duration.between(equity.get(peakIndex).at(), equity.get(equity.size() - 1).at()));
            }
            return new Drawdown(max, longest, series);
        }

        private static Duration longer(Duration a, Duration b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
