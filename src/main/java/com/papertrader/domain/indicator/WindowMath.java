package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;

/** Sums, extremes and ranges over the bars of a window ending at one bar; NaN where the window does not reach back far enough. */
final class WindowMath {

    private WindowMath() {
    }

    static double meanClose(BarWindow window, int end, int count) {
        if (end + 1 < count) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = end - count + 1; i <= end; i++) {
            sum += window.close(i);
        }
        return sum / count;
    }

    /** Population standard deviation of the closes around {@code mean}, as TA-Lib's STDDEV and BBANDS. */
    static double deviationOfCloses(BarWindow window, int end, int count, double mean) {
        double squares = 0;
        for (int i = end - count + 1; i <= end; i++) {
            double difference = window.close(i) - mean;
            squares += difference * difference;
        }
        return Math.sqrt(squares / count);
    }

    /** Weighted moving average of the closes: weight 1 for the oldest of {@code count}, {@code count} for the newest. */
    static double weightedClose(BarWindow window, int end, int count) {
        if (end + 1 < count) {
            return Double.NaN;
        }
        double sum = 0;
        for (int weight = 1; weight <= count; weight++) {
            sum += weight * window.close(end - count + weight);
        }
        return sum / (count * (count + 1) / 2.0);
    }

    static double highestHigh(BarWindow window, int end, int count) {
        if (end + 1 < count) {
            return Double.NaN;
        }
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = end - count + 1; i <= end; i++) {
            highest = Math.max(highest, window.high(i));
        }
        return highest;
    }

    static double lowestLow(BarWindow window, int end, int count) {
        if (end + 1 < count) {
            return Double.NaN;
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = end - count + 1; i <= end; i++) {
            lowest = Math.min(lowest, window.low(i));
        }
        return lowest;
    }

    /** Midpoint of the highest high and lowest low: Donchian's middle, Ichimoku's lines. */
    static double midpoint(BarWindow window, int end, int count) {
        return (highestHigh(window, end, count) + lowestLow(window, end, count)) / 2;
    }

    /** (high + low + close) / 3. */
    static double typical(BarWindow window, int index) {
        return (window.high(index) + window.low(index) + window.close(index)) / 3;
    }

    /** max(high − low, |high − previous close|, |low − previous close|); needs the bar before. */
    static double trueRange(BarWindow window, int index) {
        double previousClose = window.close(index - 1);
        return Math.max(window.high(index) - window.low(index),
                Math.max(Math.abs(window.high(index) - previousClose), Math.abs(window.low(index) - previousClose)));
    }
}
