package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Hand-made 5-minute bars for tests. */
public final class TestBars {

    public static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private TestBars() {
    }

    /** New York wall-clock time, e.g. at(2025, 3, 14, 9, 30). */
    public static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(MarketCalendar.NEW_YORK).toInstant();
    }

    public static Bar bar(String ticker, Instant start, String open, String high, String low, String close, String volume) {
        return new Bar(ticker, start, FIVE_MINUTES, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), new BigDecimal(volume), null, null);
    }

    /** Consecutive 5-minute bars from {@code start} whose open, high, low and close all equal the given close. */
    public static List<Bar> closes(String ticker, Instant start, double... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            String close = BigDecimal.valueOf(closes[i]).stripTrailingZeros().toPlainString();
            bars.add(bar(ticker, start.plus(FIVE_MINUTES.multipliedBy(i)), close, close, close, close, "1000"));
        }
        return bars;
    }

    public static BarWindow window(int capacity, List<Bar> bars) {
        BarWindow window = new BarWindow(bars.get(0).ticker(), capacity);
        bars.forEach(window::add);
        return window;
    }
}
