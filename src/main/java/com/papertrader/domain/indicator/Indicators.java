package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;

/**
 * Technical indicators over a {@link BarWindow}, the one implementation that scan scripts, dry runs, backtests and
 * Java code share. Every value is as of {@code offset} bars before the newest (0 = the newest), from the bars up to
 * that one only, and NaN while the window holds too few bars for it. Each window keeps one {@link IndicatorStream}
 * per indicator and parameters read, so a new bar costs each indicator one step.
 * Indicators are analysis values, so doubles; orders and money stay BigDecimal.
 */
public final class Indicators {

    private Indicators() {
    }

    /**
     * Output {@code output} (an index into {@link Indicator#outputs()}) of {@code spec} as of {@code offset} bars
     * before the newest.
     *
     * @throws IllegalArgumentException for a negative offset, naming the indicator
     */
    public static double value(BarWindow window, IndicatorSpec spec, int output, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException(spec.indicator() + " offset must be 0 (the newest bar) or more, got " + offset);
        }
        IndicatorStream stream = window.derived(spec, key -> spec.indicator().stream(window, spec));
        return stream.value(window, output, offset);
    }

    /** Simple moving average of the closes of the last {@code period} bars. */
    public static double sma(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.SMA, period), 0, offset);
    }

    /** Exponential moving average of the closes, smoothing 2 / (period + 1), seeded with the SMA of the first closes. */
    public static double ema(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.EMA, period), 0, offset);
    }

    /** Wilder's RSI of the closes, 0 to 100 (100 when they only rose, 50 when they did not move); needs period + 1 bars. */
    public static double rsi(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.RSI, period), 0, offset);
    }

    /** Wilder's average true range; needs period + 1 bars. */
    public static double atr(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.ATR, period), 0, offset);
    }

    /** Highest high of the last {@code period} bars. */
    public static double highest(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.HIGHEST, period), 0, offset);
    }

    /** Lowest low of the last {@code period} bars. */
    public static double lowest(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.LOWEST, period), 0, offset);
    }

    /** Mean volume of the last {@code period} bars. */
    public static double averageVolume(BarWindow window, int period, int offset) {
        return value(window, IndicatorSpec.of(Indicator.AVERAGE_VOLUME, period), 0, offset);
    }

    /** Volume-weighted average price of the New York day up to the bar (each bar at its own VWAP, else its typical price). */
    public static double sessionVwap(BarWindow window, int offset) {
        return value(window, IndicatorSpec.of(Indicator.VWAP), 0, offset);
    }

    /** Whether series {@code a} crossed above {@code b} on the newest bar: at or below it one bar ago, above it now. */
    public static boolean crossover(BarWindow window, Series a, Series b) {
        return a.valueAt(window, 1) <= b.valueAt(window, 1) && a.valueAt(window, 0) > b.valueAt(window, 0);
    }

    /** Whether series {@code a} crossed below {@code b} on the newest bar: at or above it one bar ago, below it now. */
    public static boolean crossunder(BarWindow window, Series a, Series b) {
        return a.valueAt(window, 1) >= b.valueAt(window, 1) && a.valueAt(window, 0) < b.valueAt(window, 0);
    }
}
