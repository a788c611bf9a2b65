package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;

/** Averages of the closes (and of volume). */
final class MovingAverages {

    private MovingAverages() {
    }

    /** Simple moving average. */
    static final class Sma extends IndicatorStream {
        private final int period;

        Sma(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            put(0, WindowMath.meanClose(window, index, period));
        }
    }

    /** Exponential moving average, smoothing 2 / (period + 1), seeded with the simple average of the first closes. */
    static final class Ema extends IndicatorStream {
        private final SeededAverage average;

        Ema(BarWindow window, int period) {
            super(window, 1);
            average = SeededAverage.exponential(period);
        }

        @Override
        void step(BarWindow window, int index) {
            put(0, average.next(window.close(index)));
        }

        @Override
        void restart() {
            average.restart();
        }
    }

    /** Linearly weighted moving average. */
    static final class Wma extends IndicatorStream {
        private final int period;

        Wma(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            put(0, WindowMath.weightedClose(window, index, period));
        }
    }

    /** Hull moving average: WMA over ⌊√n⌋ of 2 × WMA(n / 2) − WMA(n), with n / 2 rounded down (Alan Hull). */
    static final class Hma extends IndicatorStream {
        private static final int HMA = 0;
        private static final int RAW = 1;
        private final int period;
        private final int smoothing;

        Hma(BarWindow window, int period) {
            super(window, 2);
            this.period = period;
            this.smoothing = (int) Math.floor(Math.sqrt(period));
        }

        @Override
        void step(BarWindow window, int index) {
            put(RAW, 2 * WindowMath.weightedClose(window, index, period / 2) - WindowMath.weightedClose(window, index, period));
            double sum = 0;
            for (int weight = 1; weight <= smoothing; weight++) {
                sum += weight * earlier(RAW, smoothing - weight);
            }
            put(HMA, sum / (smoothing * (smoothing + 1) / 2.0));
        }
    }

    /** Mean volume. */
    static final class AverageVolume extends IndicatorStream {
        private final int period;

        AverageVolume(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            if (index + 1 < period) {
                put(0, Double.NaN);
                return;
            }
            double sum = 0;
            for (int i = index - period + 1; i <= index; i++) {
                sum += window.volume(i);
            }
            put(0, sum / period);
        }
    }
}
