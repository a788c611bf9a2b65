package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;

/** Trend indicators: MACD, ADX with ±DI, Parabolic SAR, SuperTrend, Ichimoku and the linear-regression slope. */
final class Trend {

    private Trend() {
    }

    /**
     * MACD: EMA(fast) − EMA(slow) of the closes, each EMA seeded with the simple average of its own first closes;
     * the signal line the EMA of the MACD line (seeded alike); the histogram MACD − signal (StockCharts' definition).
     */
    static final class Macd extends IndicatorStream {
        private static final int LINE = 0;
        private static final int SIGNAL = 1;
        private static final int HISTOGRAM = 2;
        private final SeededAverage fast;
        private final SeededAverage slow;
        private final SeededAverage signal;

        Macd(BarWindow window, int fast, int slow, int signal) {
            super(window, 3);
            this.fast = SeededAverage.exponential(fast);
            this.slow = SeededAverage.exponential(slow);
            this.signal = SeededAverage.exponential(signal);
        }

        @Override
        void step(BarWindow window, int index) {
            double close = window.close(index);
            double line = fast.next(close) - slow.next(close);
            double signalLine = Double.isNaN(line) ? Double.NaN : signal.next(line);
            put(LINE, line);
            put(SIGNAL, signalLine);
            put(HISTOGRAM, line - signalLine);
        }

        @Override
        void restart() {
            fast.restart();
            slow.restart();
            signal.restart();
        }
    }

    /**
     * Wilder's ADX with +DI and −DI, as TA-Lib computes them: directional movements and true ranges summed over the
     * first period − 1 bars, then Wilder-smoothed; DI = 100 × smoothed DM / smoothed TR from bar {@code period};
     * DX = 100 × |+DI − −DI| / (+DI + −DI); ADX the mean of the first {@code period} DX, then Wilder-smoothed.
     */
    static final class Adx extends IndicatorStream {
        private static final int ADX = 0;
        private static final int PLUS_DI = 1;
        private static final int MINUS_DI = 2;
        private final int period;
        private double previousHigh;
        private double previousLow;
        private int movements;
        private double plusMovement;
        private double minusMovement;
        private double trueRange;
        private int directionalIndexes;
        private double adx;

        Adx(BarWindow window, int period) {
            super(window, 3);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            double high = window.high(index);
            double low = window.low(index);
            boolean first = computed() == 0;
            double up = high - previousHigh;
            double down = previousLow - low;
            previousHigh = high;
            previousLow = low;
            put(ADX, Double.NaN);
            put(PLUS_DI, Double.NaN);
            put(MINUS_DI, Double.NaN);
            if (first) {
                return;
            }
            double plus = up > 0 && up > down ? up : 0;
            double minus = down > 0 && down > up ? down : 0;
            double range = WindowMath.trueRange(window, index);
            if (++movements < period) {
                plusMovement += plus;
                minusMovement += minus;
                trueRange += range;
                return;
            }
            plusMovement += plus - plusMovement / period;
            minusMovement += minus - minusMovement / period;
            trueRange += range - trueRange / period;
            double plusDi = trueRange == 0 ? 0 : 100 * plusMovement / trueRange;
            double minusDi = trueRange == 0 ? 0 : 100 * minusMovement / trueRange;
            put(PLUS_DI, plusDi);
            put(MINUS_DI, minusDi);
            double sum = plusDi + minusDi;
            boolean defined = trueRange != 0 && sum != 0;
            double dx = defined ? 100 * Math.abs(plusDi - minusDi) / sum : 0;
            if (++directionalIndexes <= period) {
                adx += dx;
                if (directionalIndexes == period) {
                    adx /= period;
                    put(ADX, adx);
                }
                return;
            }
            if (defined) {
                adx = (adx * (period - 1) + dx) / period;
            }
            put(ADX, adx);
        }

        @Override
        void restart() {
            movements = 0;
            plusMovement = 0;
            minusMovement = 0;
            trueRange = 0;
            directionalIndexes = 0;
            adx = 0;
        }
    }

    /**
     * Wilder's Parabolic SAR as TA-Lib computes it: the first direction from the first two bars (short when the second
     * bar's low fell further than its high rose), the acceleration factor growing by {@code step} with each new extreme
     * up to {@code maximum}, the SAR never inside the last two bars' range, reversing when price crosses it.
     */
    static final class ParabolicSar extends IndicatorStream {
        private final double step;
        private final double maximum;
        private boolean rising;
        private double sar;
        private double extreme;
        private double acceleration;
        private double lastHigh;
        private double lastLow;

        ParabolicSar(BarWindow window, double step, double maximum) {
            super(window, 1);
            this.step = step;
            this.maximum = maximum;
        }

        @Override
        void step(BarWindow window, int index) {
            double high = window.high(index);
            double low = window.low(index);
            if (computed() == 0) {
                lastHigh = high;
                lastLow = low;
                put(0, Double.NaN);
                return;
            }
            if (computed() == 1) {
                double up = high - lastHigh;
                double down = lastLow - low;
                rising = !(down > 0 && up < down);
                sar = rising ? lastLow : lastHigh;
                extreme = rising ? high : low;
                acceleration = step;
                lastHigh = high;
                lastLow = low;
            }
            double previousHigh = lastHigh;
            double previousLow = lastLow;
            lastHigh = high;
            lastLow = low;
            if (rising) {
                if (low <= sar) {
                    rising = false;
                    sar = Math.max(extreme, Math.max(previousHigh, high));
                    put(0, sar);
                    acceleration = step;
                    extreme = low;
                    sar = Math.max(sar + acceleration * (extreme - sar), Math.max(previousHigh, high));
                } else {
                    put(0, sar);
                    if (high > extreme) {
                        extreme = high;
                        acceleration = Math.min(acceleration + step, maximum);
                    }
                    sar = Math.min(sar + acceleration * (extreme - sar), Math.min(previousLow, low));
                }
            } else if (high >= sar) {
                rising = true;
                sar = Math.min(extreme, Math.min(previousLow, low));
                put(0, sar);
                acceleration = step;
                extreme = high;
                sar = Math.min(sar + acceleration * (extreme - sar), Math.min(previousLow, low));
            } else {
                put(0, sar);
                if (low < extreme) {
                    extreme = low;
                    acceleration = Math.min(acceleration + step, maximum);
                }
                sar = Math.max(sar + acceleration * (extreme - sar), Math.max(previousHigh, high));
            }
        }
    }

    /**
     * SuperTrend as TradingView's {@code ta.supertrend}: bands (high + low) / 2 ± {@code multiplier} × ATR that only
     * tighten while price stays inside them; the line is the lower band in an up trend (direction 1) and the upper
     * band in a down trend (−1); the first bar with an ATR counts as a down trend.
     */
    static final class SuperTrend extends IndicatorStream {
        private static final int LINE = 0;
        private static final int DIRECTION = 1;
        private final Volatility.RunningAtr atr;
        private final double multiplier;
        private double previousUpper;
        private double previousLower;
        private double previousClose;
        private boolean up;
        private boolean started;

        SuperTrend(BarWindow window, int period, double multiplier) {
            super(window, 2);
            this.atr = new Volatility.RunningAtr(period);
            this.multiplier = multiplier;
        }

        @Override
        void step(BarWindow window, int index) {
            double range = atr.next(window, index);
            double close = window.close(index);
            if (Double.isNaN(range)) {
                previousClose = close;
                put(LINE, Double.NaN);
                put(DIRECTION, Double.NaN);
                return;
            }
            double middle = (window.high(index) + window.low(index)) / 2;
            double upper = middle + multiplier * range;
            double lower = middle - multiplier * range;
            if (started) {
                lower = lower > previousLower || previousClose < previousLower ? lower : previousLower;
                upper = upper < previousUpper || previousClose > previousUpper ? upper : previousUpper;
                up = up ? close >= lower : close > upper;
            }
            started = true;
            put(LINE, up ? lower : upper);
            put(DIRECTION, up ? 1 : -1);
            previousUpper = upper;
            previousLower = lower;
            previousClose = close;
        }

        @Override
        void restart() {
            started = false;
            up = false;
        }
    }

    /**
     * Ichimoku lines as known at the bar: tenkan and kijun the midpoints of the highest high and lowest low over their
     * periods, senkou A their mean and senkou B the midpoint over the longest period (a chart draws both spans kijun
     * bars ahead: the cloud over a bar is the spans read that many bars back), chikou the close (a chart draws it
     * kijun bars back).
     */
    static final class Ichimoku extends IndicatorStream {
        private static final int TENKAN = 0;
        private static final int KIJUN = 1;
        private static final int SENKOU_A = 2;
        private static final int SENKOU_B = 3;
        private static final int CHIKOU = 4;
        private final int tenkan;
        private final int kijun;
        private final int senkouB;

        Ichimoku(BarWindow window, int tenkan, int kijun, int senkouB) {
            super(window, 5);
            this.tenkan = tenkan;
            this.kijun = kijun;
            this.senkouB = senkouB;
        }

        @Override
        void step(BarWindow window, int index) {
            double conversion = WindowMath.midpoint(window, index, tenkan);
            double base = WindowMath.midpoint(window, index, kijun);
            put(TENKAN, conversion);
            put(KIJUN, base);
            put(SENKOU_A, (conversion + base) / 2);
            put(SENKOU_B, WindowMath.midpoint(window, index, senkouB));
            put(CHIKOU, window.close(index));
        }
    }

    /** Slope of the least-squares line through the last {@code period} closes, per bar. */
    static final class LinearRegressionSlope extends IndicatorStream {
        private final int period;

        LinearRegressionSlope(BarWindow window, int period) {
            super(window, 1);
            this.period = period;
        }

        @Override
        void step(BarWindow window, int index) {
            if (index + 1 < period) {
                put(0, Double.NaN);
                return;
            }
            double sumX = period * (period - 1) / 2.0;
            double sumXSquared = period * (period - 1) * (2.0 * period - 1) / 6;
            double sumY = 0;
            double sumXY = 0;
            for (int x = 0; x < period; x++) {
                double y = window.close(index - period + 1 + x);
                sumY += y;
                sumXY += x * y;
            }
            put(0, (period * sumXY - sumX * sumY) / (period * sumXSquared - sumX * sumX));
        }
    }
}
