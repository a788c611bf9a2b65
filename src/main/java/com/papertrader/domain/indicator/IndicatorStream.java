package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;
import java.util.Arrays;

/**
 * One indicator's values over one window, bar by bar: each bar's value is computed once, when the bar is first read
 * after it arrived, from the bars up to it and the stream's own state (the running averages of the recursive
 * indicators), and kept for as long as the window holds the bar. So a new bar costs one step whatever the window's
 * size, and a value once computed never changes when later bars come (no look-ahead).
 * <p>
 * A stream starts at the oldest bar the window holds when it is first read; recursive indicators are seeded there, as
 * TA-Lib seeds them at the first bar it is given. It starts again there when bars it never saw have dropped out of the
 * window, and the window drops its streams when a bar it holds is revised or rescaled for a split.
 * <p>
 * Besides its outputs a stream may keep rows of intermediate values (the raw %K a stochastic smooths, the RSI a
 * stochastic RSI ranges over), read back with {@link #earlier}.
 */
abstract class IndicatorStream {

    private final double[][] rows;
    private final int capacity;
    /** Sequence number of the next bar to compute; below every real one before the first read. */
    private long next = Long.MIN_VALUE;
    /** Sequence number of the bar the stream (re)started at. */
    private long first;

    IndicatorStream(BarWindow window, int rows) {
        this.capacity = window.capacity();
        this.rows = new double[rows][capacity];
    }

    /** Computes bar {@code index} of the window: {@link #put} each row's value for it. */
    abstract void step(BarWindow window, int index);

    /** Forgets the running state: the stream starts again at the oldest bar held. Streams that keep none have nothing to do. */
    void restart() {
    }

    /** Row {@code row} as of {@code offset} bars before the newest; NaN while too few bars. */
    final double value(BarWindow window, int row, int offset) {
        int index = window.size() - 1 - offset;
        if (index < 0) {
            return Double.NaN;
        }
        catchUp(window);
        return rows[row][slot(window.sequence(index))];
    }

    private void catchUp(BarWindow window) {
        long oldest = window.sequence(0);
        long newest = window.sequence(window.size() - 1);
        if (next < oldest) {
            for (double[] row : rows) {
                Arrays.fill(row, Double.NaN);
            }
            restart();
            next = oldest;
            first = oldest;
        }
        for (; next <= newest; next++) {
            step(window, (int) (next - oldest));
        }
    }

    /** Sets row {@code row} of the bar being computed. */
    final void put(int row, double value) {
        rows[row][slot(next)] = value;
    }

    /** Row {@code row} of the bar {@code back} bars before the one being computed (0: that bar, once put); NaN before the start. */
    final double earlier(int row, int back) {
        long sequence = next - back;
        return sequence < first ? Double.NaN : rows[row][slot(sequence)];
    }

    /** Bars the stream has computed before the one being computed. */
    final long computed() {
        return next - first;
    }

    /** Highest of row {@code row} over the bar being computed and the {@code count - 1} before it; NaN if any is. */
    final double highestOf(int row, int count) {
        double highest = Double.NEGATIVE_INFINITY;
        for (int back = 0; back < count; back++) {
            highest = Math.max(highest, earlier(row, back));
        }
        return highest;
    }

    /** Lowest of row {@code row} over the bar being computed and the {@code count - 1} before it; NaN if any is. */
    final double lowestOf(int row, int count) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int back = 0; back < count; back++) {
            lowest = Math.min(lowest, earlier(row, back));
        }
        return lowest;
    }

    /** Mean of row {@code row} over the bar being computed and the {@code count - 1} before it; NaN if any is. */
    final double meanOf(int row, int count) {
        double sum = 0;
        for (int back = 0; back < count; back++) {
            sum += earlier(row, back);
        }
        return sum / count;
    }

    private int slot(long sequence) {
        return (int) (sequence % capacity);
    }
}
