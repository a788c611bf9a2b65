package com.papertrader.application.backtest;

import com.papertrader.domain.market.Bar;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The high and low of each ticker's bars as a backtest went through them, so that a trade's excursions (how far
 * price went against it and for it while it was open) can be measured afterwards, and each ticker's first and last
 * bar (for buy and hold).
 */
public final class PricePath {

    private final Map<String, Series> byTicker = new HashMap<>();

    /**
     * Takes the next bar of its ticker (bars of one ticker in time order); its high and low only when {@code ranged}:
     * a backtest ranges the bars on which the broker held or filled a position, the only bars a trade spans.
     */
    public void add(Bar bar, boolean ranged) {
        Series series = byTicker.get(bar.ticker());
        if (series == null) { // a get first: computeIfAbsent costs more, once a bar
            series = new Series();
            byTicker.put(bar.ticker(), series);
        }
        series.add(bar, ranged);
    }

    /**
     * The lowest low and highest high of {@code ticker}'s bars starting from {@code from} through {@code through}
     * (both included; {@code null} through the last bar), or null when there is no such bar.
     */
    /** Each ticker's first bar. */
    Map<String, Bar> firstBars() {
        Map<String, Bar> first = new HashMap<>();
        byTicker.forEach((ticker, series) -> first.put(ticker, series.first));
        return first;
    }

    /** Each ticker's last bar. */
    Map<String, Bar> lastBars() {
        Map<String, Bar> last = new HashMap<>();
        byTicker.forEach((ticker, series) -> last.put(ticker, series.last));
        return last;
    }

    double[] range(String ticker, Instant from, Instant through) {
        Series series = byTicker.get(ticker);
        return series == null ? null : series.range(from.toEpochMilli(), through == null ? Long.MAX_VALUE : through.toEpochMilli());
    }

    private static final class Series {
        private long[] starts = new long[256];
        private double[] highs = new double[256];
        private double[] lows = new double[256];
        private int size;
        private Bar first;
        private Bar last;

        void add(Bar bar, boolean ranged) {
            if (first == null) {
                first = bar;
            }
            last = bar;
            if (!ranged) {
                return;
            }
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                highs = Arrays.copyOf(highs, size * 2);
                lows = Arrays.copyOf(lows, size * 2);
            }
            starts[size] = bar.start().toEpochMilli();
            highs[size] = bar.high().doubleValue();
            lows[size] = bar.low().doubleValue();
            size++;
        }

        double[] range(long from, long through) {
            int first = Arrays.binarySearch(starts, 0, size, from);
            if (first < 0) {
                first = -first - 1;
            }
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (int i = first; i < size && starts[i] <= through; i++) {
                low = Math.min(low, lows[i]);
                high = Math.max(high, highs[i]);
            }
            return low > high ? null : new double[] {low, high};
        }
    }
}
