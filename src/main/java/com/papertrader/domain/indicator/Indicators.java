package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import java.time.Instant;

/**
 * Technical indicators over a {@link BarWindow}, the one implementation that scan scripts and Java code share.
 * Every indicator is evaluated as of {@code offset} bars before the newest bar (0 = the newest), using only bars
 * up to that one, and is NaN while the window holds too few bars for it.
 * Indicators are analysis values, so doubles; orders and money stay BigDecimal.
 */
public final class Indicators {

    private Indicators() {
    }

    /** Simple moving average of the closes of the last {@code period} bars. */
    public static double sma(BarWindow window, int period, int offset) {
        int end = end(window, "sma", period, offset);
        if (end + 1 < period) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - period + 1; i <= end; i++) {
            sum += window.close(i);
        }
        return sum / period;
    }

    /** Mean volume of the last {@code period} bars. */
    public static double averageVolume(BarWindow window, int period, int offset) {
        int end = end(window, "averageVolume", period, offset);
        if (end + 1 < period) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - period + 1; i <= end; i++) {
            sum += window.volume(i);
        }
        return sum / period;
    }

    /**
     * Exponential moving average of closes, smoothing 2 / (period + 1), seeded with the simple average of the
     * oldest {@code period} closes in the window: the more bars the window holds, the closer it is to a chart's EMA.
     */
    public static double ema(BarWindow window, int period, int offset) {
        int end = end(window, "ema", period, offset);
        if (end + 1 < period) {
            return Double.NaN;
        }
        double alpha = 2.0 / (period + 1);
        double ema = 0;
        for (int i = 0; i < period; i++) {
            ema += window.close(i);
        }
        ema /= period;
        for (int i = period; i <= end; i++) {
            ema += alpha * (window.close(i) - ema);
        }
        return ema;
    }

    /**
     * Wilder's relative strength index (0–100) of closes: average gain and loss seeded with the simple average of the
     * first {@code period} changes, then smoothed by (previous × (period − 1) + current) / period. Needs period + 1 bars.
     * 100 when the closes only rose, 50 when they did not move.
     */
    public static double rsi(BarWindow window, int period, int offset) {
        int end = end(window, "rsi", period, offset);
        if (end < period) {
            return Double.NaN;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = window.close(i) - window.close(i - 1);
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        for (int i = period + 1; i <= end; i++) {
            double change = window.close(i) - window.close(i - 1);
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
        }
        if (loss == 0) {
            return gain == 0 ? 50 : 100;
        }
        return 100 - 100 / (1 + gain / loss);
    }

    /**
     * Wilder's average true range: true range max(high − low, |high − previous close|, |low − previous close|),
     * seeded with the simple average of the first {@code period} true ranges, then Wilder-smoothed. Needs period + 1 bars.
     */
    public static double atr(BarWindow window, int period, int offset) {
        int end = end(window, "atr", period, offset);
        if (end < period) {
            return Double.NaN;
        }
        double atr = 0;
        for (int i = 1; i <= period; i++) {
            atr += trueRange(window, i);
        }
        atr /= period;
        for (int i = period + 1; i <= end; i++) {
            atr = (atr * (period - 1) + trueRange(window, i)) / period;
        }
        return atr;
    }

    /** Highest high of the last {@code period} bars. */
    public static double highest(BarWindow window, int period, int offset) {
        int end = end(window, "highest", period, offset);
        if (end + 1 < period) {
            return Double.NaN;
        }
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = end - period + 1; i <= end; i++) {
            highest = Math.max(highest, window.high(i));
        }
        return highest;
    }

    /** Lowest low of the last {@code period} bars. */
    public static double lowest(BarWindow window, int period, int offset) {
        int end = end(window, "lowest", period, offset);
        if (end + 1 < period) {
            return Double.NaN;
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = end - period + 1; i <= end; i++) {
            lowest = Math.min(lowest, window.low(i));
        }
        return lowest;
    }

    /**
     * Volume-weighted average price of the day so far: the bars of the same New York calendar date as the bar at
     * {@code offset}, up to it. Each bar counts at its own VWAP when the source gave one, else at its typical price
     * (high + low + close) / 3. NaN when those bars traded no volume.
     */
    public static double sessionVwap(BarWindow window, int offset) {
        int end = end(window, "vwap", 1, offset);
        if (end < 0) {
            return Double.NaN;
        }
        long dayStart = Instant.ofEpochMilli(window.time(end)).atZone(MarketCalendar.NEW_YORK)
                .toLocalDate().atStartOfDay(MarketCalendar.NEW_YORK).toInstant().toEpochMilli();
        double value = 0;
        double volume = 0;
        for (int i = end; i >= 0 && window.time(i) >= dayStart; i--) {
            double price = Double.isNaN(window.vwap(i))
                    ? (window.high(i) + window.low(i) + window.close(i)) / 3
                    : window.vwap(i);
            value += price * window.volume(i);
            volume += window.volume(i);
        }
        return volume == 0 ? Double.NaN : value / volume;
    }

    /** Whether series {@code a} crossed above {@code b} on the newest bar: at or below it one bar ago, above it now. */
    public static boolean crossover(BarWindow window, Series a, Series b) {
        return a.valueAt(window, 1) <= b.valueAt(window, 1) && a.valueAt(window, 0) > b.valueAt(window, 0);
    }

    /** Whether series {@code a} crossed below {@code b} on the newest bar: at or above it one bar ago, below it now. */
    public static boolean crossunder(BarWindow window, Series a, Series b) {
        return a.valueAt(window, 1) >= b.valueAt(window, 1) && a.valueAt(window, 0) < b.valueAt(window, 0);
    }

    private static double trueRange(BarWindow window, int i) {
        double previousClose = window.close(i - 1);
        return Math.max(window.high(i) - window.low(i),
                Math.max(Math.abs(window.high(i) - previousClose), Math.abs(window.low(i) - previousClose)));
    }

    /** Index of the bar the indicator is evaluated at; negative when the window does not reach back that far. */
    private static int end(BarWindow window, String indicator, int period, int offset) {
        if (period < 1) {
            throw new IllegalArgumentException(indicator + " period must be at least 1, got " + period);
        }
        if (offset < 0) {
            throw new IllegalArgumentException(indicator + " offset must be 0 (the newest bar) or more, got " + offset);
        }
        return window.size() - 1 - offset;
    }
}
