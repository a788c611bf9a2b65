package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.MarketCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;

/** Indicators of the day and of volume: on-balance volume, the session VWAP and the previous session's pivot points. */
final class VolumeAndLevels {

    private static final LocalTime REGULAR_OPEN = LocalTime.of(9, 30);
    private static final LocalTime REGULAR_CLOSE = LocalTime.of(16, 0);

    private VolumeAndLevels() {
    }

    private static ZonedDateTime newYork(BarWindow window, int index) {
        return Instant.ofEpochMilli(window.time(index)).atZone(MarketCalendar.NEW_YORK);
    }

    /**
     * On-balance volume: the first bar's volume, then each bar's volume added when the close rose and taken away when
     * it fell (TA-Lib). Its level depends on the bar it started at; its changes and crossings with its own averages do not.
     */
    static final class OnBalanceVolume extends IndicatorStream {
        private double obv;

        OnBalanceVolume(BarWindow window) {
            super(window, 1);
        }

        @Override
        void step(BarWindow window, int index) {
            if (computed() == 0) {
                obv = window.volume(index);
            } else {
                double change = window.close(index) - window.close(index - 1);
                obv += change > 0 ? window.volume(index) : change < 0 ? -window.volume(index) : 0;
            }
            put(0, obv);
        }
    }

    /**
     * Volume-weighted average price of the New York day so far, up to the bar. Each bar counts at its own VWAP when the
     * source gave one, else at its typical price (high + low + close) / 3. NaN while the day traded no volume.
     */
    static final class SessionVwap extends IndicatorStream {
        private LocalDate day;
        private double value;
        private double volume;

        SessionVwap(BarWindow window) {
            super(window, 1);
        }

        @Override
        void step(BarWindow window, int index) {
            LocalDate date = newYork(window, index).toLocalDate();
            if (!date.equals(day)) {
                day = date;
                value = 0;
                volume = 0;
            }
            double price = Double.isNaN(window.vwap(index)) ? WindowMath.typical(window, index) : window.vwap(index);
            value += price * window.volume(index);
            volume += window.volume(index);
            put(0, volume == 0 ? Double.NaN : value / volume);
        }

        @Override
        void restart() {
            day = null;
        }
    }

    /**
     * Classic floor-trader pivots from the previous session: its regular-hours (09:30–16:00 New York) high H, low L and
     * last close C; P = (H + L + C) / 3, R1 = 2P − L, S1 = 2P − H, R2 = P + (H − L), S2 = P − (H − L),
     * R3 = H + 2(P − L), S3 = L − 2(H − P) (StockCharts). NaN while the window does not hold that whole session.
     */
    static final class PivotPoints extends IndicatorStream {
        private static final int PIVOT = 0;
        private static final int R1 = 1;
        private static final int R2 = 2;
        private static final int R3 = 3;
        private static final int S1 = 4;
        private static final int S2 = 5;
        private static final int S3 = 6;
        private LocalDate day;
        private final double[] levels = new double[7];

        PivotPoints(BarWindow window) {
            super(window, 7);
        }

        @Override
        void step(BarWindow window, int index) {
            LocalDate date = newYork(window, index).toLocalDate();
            if (!date.equals(day)) {
                day = date;
                previousSession(window, index, date);
            }
            for (int row = 0; row < levels.length; row++) {
                put(row, levels[row]);
            }
        }

        private void previousSession(BarWindow window, int index, LocalDate date) {
            Arrays.fill(levels, Double.NaN);
            LocalDate session = null;
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            double close = Double.NaN;
            for (int i = index - 1; i >= 0; i--) {
                ZonedDateTime start = newYork(window, i);
                LocalDate barDate = start.toLocalDate();
                if (barDate.equals(date)) {
                    continue;
                }
                if (session != null && !barDate.equals(session)) {
                    break;
                }
                LocalTime time = start.toLocalTime();
                if (time.isBefore(REGULAR_OPEN) || !time.isBefore(REGULAR_CLOSE)) {
                    continue;
                }
                if (i == 0 && time.isAfter(REGULAR_OPEN)) {
                    return; // the window begins inside that session: its high and low are not known
                }
                if (session == null) {
                    session = barDate;
                    close = window.close(i);
                }
                high = Math.max(high, window.high(i));
                low = Math.min(low, window.low(i));
            }
            if (session == null) {
                return;
            }
            double pivot = (high + low + close) / 3;
            levels[PIVOT] = pivot;
            levels[R1] = 2 * pivot - low;
            levels[S1] = 2 * pivot - high;
            levels[R2] = pivot + (high - low);
            levels[S2] = pivot - (high - low);
            levels[R3] = high + 2 * (pivot - low);
            levels[S3] = low - 2 * (high - pivot);
        }

        @Override
        void restart() {
            day = null;
        }
    }
}
