package com.papertrader.interfaces.web;

import com.papertrader.domain.market.MarketCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write numbers and times, available in every template as {@code fmt} ({@link Pages}): money in
 * dollars to the cent, prices to at least the cent, times in the exchange's time zone (the bars' own clock).
 * Exact: BigDecimal in, no double on the way.
 */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'ET'", Locale.US)
            .withZone(MarketCalendar.NEW_YORK);
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    /** {@code $1,234.56}, {@code -$12.00}; empty for no value. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        String digits = grouped("#,##0.00").format(amount.setScale(2, RoundingMode.HALF_UP).abs());
        return (amount.signum() < 0 ? "-$" : "$") + digits;
    }

    /** A P&L with its sign always shown: {@code +$5.00}, {@code -$3.10}, {@code $0.00}. */
    public String pnl(BigDecimal amount) {
        return amount != null && amount.signum() > 0 ? "+" + money(amount) : money(amount);
    }

    /** A price to the cent, with the sub-penny digits only where it has them: {@code 187.25}, {@code 0.4512}. */
    public String price(BigDecimal price) {
        return price == null ? "" : grouped("#,##0.00##").format(price);
    }

    /** A ratio as a percentage to two decimals: 0.1234 gives {@code 12.34%}. */
    public String percent(BigDecimal ratio) {
        return ratio == null ? "" : grouped("#,##0.00").format(ratio.movePointRight(2)) + "%";
    }

    /** An instant in exchange time: {@code 2026-11-24 09:35 ET}. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static DecimalFormat grouped(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, US);
        format.setParseBigDecimal(true);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
