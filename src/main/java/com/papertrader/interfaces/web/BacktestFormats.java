package com.papertrader.interfaces.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@link Formats} does not cover in statistics (a backtest's, a live account's): ratios held as doubles, and
 * durations. Every page has it as {@code bt}. A ratio over nothing (NaN) shows as none.
 */
public final class BacktestFormats {

    /** A ratio for {@code fmt.percent}; null (shown empty) when there is none. */
    public BigDecimal ratio(Double value) {
        return value == null || value.isNaN() ? null : BigDecimal.valueOf(value);
    }

    /** A ratio as a percentage, as {@code fmt.percent} writes it; a dash when there is none (a win rate without trips). */
    public String percent(Double value) {
        BigDecimal ratio = ratio(value);
        return ratio == null ? "—" : Pages.FORMATS.percent(ratio);
    }

    /** A plain figure such as a Sharpe ratio to two decimals; a dash when there is none. */
    public String figure(Double value) {
        return value == null || value.isNaN() ? "—" : String.format(Locale.US, "%,.2f", value);
    }

    /** {@code 2d 3h 05m}, {@code 45m}; empty for none. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long days = duration.toDays();
        int hours = duration.toHoursPart();
        int minutes = duration.toMinutesPart();
        if (days > 0) {
            return String.format("%dd %dh %02dm", days, hours, minutes);
        }
        return hours > 0 ? String.format("%dh %02dm", hours, minutes) : minutes + "m";
    }
}
