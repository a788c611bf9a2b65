package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;

/** Oscillators: RSI and the stochastics, CCI, Williams %R, rate of change, momentum and the money flow index. */
final class Oscillators {

    private Oscillators() {
    }

    /**
     * Wilder's RSI as a running calculation: average gain and loss seeded with the simple average of the first
     * {@code period} changes, then Wilder-smoothed. 100 when the closes only rose, 50 when they did not move.
     */
    static final class RunningRsi {
        private final SeededAverage gains;
        private final SeededAverage losses;
        private double previousClose = Double.NaN;

        RunningRsi(int period) {
            gains = SeededAverage.wilder(period);
            losses = SeededAverage.wilder(period);
        }

        double next(double close) {
            double change = close - previousClose;
            previousClose = close;
            if (Double.isNaN(change)) {
                return Double.NaN;
            }
            double gain = gains.next(Math.max(change, 0));
            double loss = losses.next(Math.max(-change, 0));
            if (Double.isNaN(gain)) {
                return Double.NaN;
            }
            if (loss == 0) {
                return gain == 0 ? 50 : 100;
            }
            return 100 - 100 / (1 + gain / loss);
        }

        void restart() {
            gains.restart();
            losses.restart();
            previousClose = Double.NaN;
        }
    }

    static final class Rsi extends IndicatorStream {
        private final RunningRsi rsi;

        Rsi(BarWindow window, int period) {
            super(window, 1);
            rsi = new RunningRsi(period);
        }

        @Override
        void step(BarWindow window, int index) {
            put(0, rsi.next(window.close(index)));
        }

        @Override
        void restart() {
            rsi.restart();
        }
    }

    /** Where {@code value} lies between {@code lowest} and {@code highest}, 0 to 100; 0 when they are equal (TA-Lib). */
    static double stochastic(double value, double lowest, double highest) {
        double range = highest - lowest;
        return range == 0 ? 0 : 100 * (value - lowest) / range;
    }

    /** Slow stochastic: %K the simple average of the raw %K over the smoothing, %D the simple average of %K. */
    static final class Stochastic extends IndicatorStream {
        static final int K = 0;
        static final int D = 1;
        private static final int RAW = 2;
        private final int period;
        private final int smoothing;
        private final int dPeriod;

        Stochastic(BarWindow window, int period, int smoothing, int dPeriod) {
            super(window, 3);
            this.period = period;
            this.smoothing = smoothing;
            this.dPeriod = dPeriod;
        }

        @Override
        void step(BarWindow window, int index) {
            put(RAW, stochastic(window.close(index), WindowMath.lowestLow(window, index, period),
                    WindowMath.highestHigh(window, index, period)));
            put(K, meanOf(RAW, smoothing));
            put(D, meanOf(K, dPeriod));
        }
    }

    /** Stochastic RSI: the slow stochastic of the RSI's own range (TradingView's Stoch RSI). */
    static final class StochasticRsi extends IndicatorStream {
        private static final int K = 0;
        private static final int D = 1;
        private static final int RSI = 2;
        private static final int RAW = 3;
        private final RunningRsi rsi;
        private final int period;
        private final int smoothing;
        private final int dPeriod;

        StochasticRsi(BarWindow window, int rsiPeriod, int period, int smoothing, int dPeriod) {
            super(window, 4);
            this.rsi = new RunningRsi(rsiPeriod);
            this.period = period;
            this.smoothing = smoothing;
            this.dPeriod = dPeriod;
        }

        @Override
        void step(BarWindow window, int index) {
            double value = rsi.next(window.close(index));
            put(RSI, value);
            put(RAW, stochastic(value, lowestOf(RSI, period), highestOf(RSI, period)));
            put(K, meanOf(RAW, smoothing));
            put(D, meanOf(K, dPeriod));
        }

        @Override
        void restart() {
            rsi.restart();
        }
    }

    /** Commodity channel index: (typical price − its SMA) / (0.015 × mean absolute deviation); 0 when there is none. */
    static final class Cci extends IndicatorStream {
        private final int period;

        Cci(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            if (index + 1 < period) {
                put(0, Double.NaN);
                return;
            }
            double mean = 0;
            for (int i = index - period + 1; i <= index; i++) {
                mean += WindowMath.typical(window, i);
            }
            mean /= period;
            double deviation = 0;
            for (int i = index - period + 1; i <= index; i++) {
                deviation += Math.abs(WindowMath.typical(window, i) - mean);
            }
            deviation /= period;
            put(0, deviation == 0 ? 0 : (WindowMath.typical(window, index) - mean) / (0.015 * deviation));
        }
    }

    /** Williams %R: −100 × (highest high − close) / (highest high − lowest low), 0 to −100; 0 when the range is empty. */
    static final class WilliamsR extends IndicatorStream {
        private final int period;

        WilliamsR(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            double highest = WindowMath.highestHigh(window, index, period);
            double range = highest - WindowMath.lowestLow(window, index, period);
            put(0, range == 0 ? 0 : -100 * (highest - window.close(index)) / range);
        }
    }

    /** Rate of change in percent, 100 × (close / close n bars ago − 1), or momentum, close − close n bars ago. */
    static final class Change extends IndicatorStream {
        private final int period;
        private final boolean percent;

        Change(BarWindow window, int period, boolean percent) {
            super(window, 1);
            this.period = period;
            this.percent = percent;
        }

        @Override
        void step(BarWindow window, int index) {
            if (index < period) {
                put(0, Double.NaN);
                return;
            }
            double close = window.close(index);
            double before = window.close(index - period);
            if (!percent) {
                put(0, close - before);
            } else {
                put(0, before == 0 ? 0 : 100 * (close / before - 1));
            }
        }
    }

    /**
     * Money flow index: the share of the last {@code period} bars' money flow (typical price × volume) on bars whose
     * typical price rose, 0 to 100; 0 when under one dollar flowed (TA-Lib).
     */
    static final class MoneyFlowIndex extends IndicatorStream {
        private final int period;

        MoneyFlowIndex(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            if (index < period) {
                put(0, Double.NaN);
                return;
            }
            double rising = 0;
            double falling = 0;
            for (int i = index - period + 1; i <= index; i++) {
                double typical = WindowMath.typical(window, i);
                double before = WindowMath.typical(window, i - 1);
                if (typical > before) {
                    rising += typical * window.volume(i);
                } else if (typical < before) {
                    falling += typical * window.volume(i);
                }
            }
            double total = rising + falling;
            put(0, total < 1 ? 0 : 100 * rising / total);
        }
    }
}
