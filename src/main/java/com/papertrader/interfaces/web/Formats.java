package com.papertrader.interfaces.web;

import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.PollCycle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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

    /** {@code $1,234.56}, {@code -$12.00}; empty for no value. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        return (cents.signum() < 0 ? "-$" : "$") + grouped(cents.abs().toPlainString());
    }

    /** A P&L with its sign always shown: {@code +$5.00}, {@code -$3.10}, {@code $0.00}. */
    public String pnl(BigDecimal amount) {
        return amount != null && amount.signum() > 0 ? "+" + money(amount) : money(amount);
    }

    /** A price to the cent, with the sub-penny digits only where it has them: {@code 187.25}, {@code 0.4512}. */
    public String price(BigDecimal price) {
        if (price == null) {
            return "";
        }
        BigDecimal rounded = price.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        BigDecimal shown = rounded.scale() < 2 ? rounded.setScale(2) : rounded;
        return (shown.signum() < 0 ? "-" : "") + grouped(shown.abs().toPlainString());
    }

    /** A price change with its sign: {@code +1.25}, {@code -0.4512}, {@code 0.00}. */
    public String signedPrice(BigDecimal change) {
        return change != null && change.signum() > 0 ? "+" + price(change) : price(change);
    }

    /** {@code 1 ticker}, {@code 3,000 tickers}: a count (never negative) with its noun. */
    public String count(long count, String noun) {
        return count(count) + " " + noun + (count == 1 ? "" : "s");
    }

    /** {@code 3,000}: a count (never negative), grouped by thousands. */
    public String count(long count) {
        return grouped(Long.toString(count));
    }

    /** A ratio as a percentage to two decimals: 0.1234 gives {@code 12.34%}. */
    public String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "";
        }
        BigDecimal percent = ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
        return (percent.signum() < 0 ? "-" : "") + grouped(percent.abs().toPlainString()) + "%";
    }

    /**
     * A poll cycle in a line: {@code 8 tickers, 8 bars: fetched in 0.12 s, stored in 0.01 s, traded in 0.05 s; orders
     * 10.43 s after the bar's end} (static/js/live.js writes the same from the status event).
     */
    public String cycle(PollCycle cycle) {
        String text = count(cycle.tickers(), "ticker") + ", " + count(cycle.bars(), "bar") + ": fetched in " + seconds(cycle.fetching())
                + ", stored in " + seconds(cycle.storing()) + ", traded in " + seconds(cycle.trading());
        return cycle.lastTraded().map(after -> text + "; orders " + seconds(after) + " after the bar's end").orElse(text);
    }

    /** The minute stream's state and counts, as the Overview shows them (live.js writes the same). */
    public String stream(FeedStats.Stream stream) {
        String text = stream.state() + " since " + time(stream.since()) + "; " + count(stream.minutes(), "minute") + ", "
                + count(stream.bars(), "bar") + " built, " + count(stream.lateMinutes(), "late minute");
        return stream.lastTradedAfterBarEnd() == null ? text : text + "; orders " + seconds(stream.lastTradedAfterBarEnd()) + " after the bar's end";
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).setScale(2, RoundingMode.HALF_UP).toPlainString() + " s";
    }

    /** An instant in exchange time: {@code 2026-11-24 09:35 ET}. */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** "1234567.89" as "1,234,567.89": a plain, non-negative decimal string with thousands separators. */
    private static String grouped(String plain) {
        int point = plain.indexOf('.');
        int integerDigits = point < 0 ? plain.length() : point;
        StringBuilder out = new StringBuilder(plain.length() + integerDigits / 3);
        for (int i = 0; i < plain.length(); i++) {
            if (i > 0 && i < integerDigits && (integerDigits - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.toString();
    }
}
