package com.papertrader.domain.indicator;

/**
 * The running average at the heart of the recursive indicators: the simple average of the first {@code period} values
 * seeds it, then each value moves it by {@code alpha} × (value − average). {@code alpha} 2 / (period + 1) makes the
 * exponential moving average, 1 / period Wilder's smoothing (RSI, ATR, ADX), both seeded as TA-Lib seeds them.
 */
final class SeededAverage {

    private final int period;
    private final double alpha;
    private int count;
    private double average;

    private SeededAverage(int period, double alpha) {
        this.period = period;
        this.alpha = alpha;
    }

    static SeededAverage exponential(int period) {
        return new SeededAverage(period, 2.0 / (period + 1));
    }

    static SeededAverage wilder(int period) {
        return new SeededAverage(period, 1.0 / period);
    }

    /** Takes the next value; returns the average, NaN until {@code period} values have come. */
    double next(double value) {
        if (count < period) {
            average += value;
            if (++count < period) {
                return Double.NaN;
            }
            average /= period;
            return average;
        }
        average += alpha * (value - average);
        return average;
    }

    void restart() {
        count = 0;
        average = 0;
    }
}
