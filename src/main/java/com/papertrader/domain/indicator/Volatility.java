package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;

/** Ranges and bands: ATR, Bollinger, Keltner and Donchian channels, standard deviation, highest high and lowest low. */
final class Volatility {

    private Volatility() {
    }

    /** Wilder's average true range as a running calculation, seeded with the simple average of the first true ranges. */
    static final class RunningAtr {
        private final SeededAverage average;
        private boolean started;

        RunningAtr(int period) {
            average = SeededAverage.wilder(period);
        }

        double next(BarWindow window, int index) {
            if (!started) {
                started = true;
                return Double.NaN;
            }
            return average.next(WindowMath.trueRange(window, index));
        }

        void restart() {
            average.restart();
            started = false;
        }
    }

    static final class Atr extends IndicatorStream {
        private final RunningAtr atr;

        Atr(BarWindow window, int period) {
            super(window, 1);
            atr = new RunningAtr(period);
        }

        @Override
        void step(BarWindow window, int index) {
            put(0, atr.next(window, index));
        }

        @Override
        void restart() {
            atr.restart();
        }
    }

    /** Bands: upper, middle, lower (Bollinger, Keltner, Donchian); Bollinger adds %B and bandwidth. */
    static final int UPPER = 0;
    static final int MIDDLE = 1;
    static final int LOWER = 2;

    /**
     * Bollinger Bands: the simple average ± {@code deviations} population standard deviations of the closes;
     * %B = (close − lower) / (upper − lower), bandwidth = (upper − lower) / middle.
     */
    static final class BollingerBands extends IndicatorStream {
        private static final int PERCENT_B = 3;
        private static final int BANDWIDTH = 4;
        private final int period;
        private final double deviations;

        BollingerBands(BarWindow window, int period, double deviations) {
            super(window, 5);
            this.period = period;
            this.deviations = deviations;
        }

        @Override
        void step(BarWindow window, int index) {
            double middle = WindowMath.meanClose(window, index, period);
            double width = Double.isNaN(middle) ? Double.NaN
                    : deviations * WindowMath.deviationOfCloses(window, index, period, middle);
            double upper = middle + width;
            double lower = middle - width;
            put(UPPER, upper);
            put(MIDDLE, middle);
            put(LOWER, lower);
            put(PERCENT_B, width == 0 ? Double.NaN : (window.close(index) - lower) / (upper - lower));
            put(BANDWIDTH, (upper - lower) / middle);
        }
    }

    /** Keltner Channels: the EMA of the closes ± {@code multiplier} × the ATR (StockCharts' definition). */
    static final class KeltnerChannels extends IndicatorStream {
        private final SeededAverage ema;
        private final RunningAtr atr;
        private final double multiplier;

        KeltnerChannels(BarWindow window, int emaPeriod, int atrPeriod, double multiplier) {
            super(window, 3);
            this.ema = SeededAverage.exponential(emaPeriod);
            this.atr = new RunningAtr(atrPeriod);
            this.multiplier = multiplier;
        }

        @Override
        void step(BarWindow window, int index) {
            double middle = ema.next(window.close(index));
            double width = multiplier * atr.next(window, index);
            put(UPPER, middle + width);
            put(MIDDLE, Double.isNaN(width) ? Double.NaN : middle);
            put(LOWER, middle - width);
        }

        @Override
        void restart() {
            ema.restart();
            atr.restart();
        }
    }

    /** Donchian Channels: highest high, lowest low and their midpoint. */
    static final class DonchianChannels extends IndicatorStream {
        private final int period;

        DonchianChannels(BarWindow window, int period) {
            super(window, 3);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            double upper = WindowMath.highestHigh(window, index, period);
            double lower = WindowMath.lowestLow(window, index, period);
            put(UPPER, upper);
            put(MIDDLE, (upper + lower) / 2);
            put(LOWER, lower);
        }
    }

    /** Population standard deviation of the closes (TA-Lib's STDDEV with one deviation). */
    static final class StandardDeviation extends IndicatorStream {
        private final int period;

        StandardDeviation(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            double mean = WindowMath.meanClose(window, index, period);
            put(0, Double.isNaN(mean) ? Double.NaN : WindowMath.deviationOfCloses(window, index, period, mean));
        }
    }

    /** Highest high ({@code highest}) or lowest low of the last {@code period} bars. */
    static final class Extreme extends IndicatorStream {
        private final int period;
        private final boolean highest;

        Extreme(BarWindow window, int period, boolean highest) {
            super(window, 1);
            this.period = period;
            this.highest = highest;
        }

        @Override
        void step(BarWindow window, int index) {
            put(0, highest ? WindowMath.highestHigh(window, index, period) : WindowMath.lowestLow(window, index, period));
        }
    }
}
