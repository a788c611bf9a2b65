package com.papertrader.domain.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The length of one bar, in whole minutes that divide 30 (1, 2, 3, 5, 6, 10, 15, 30).
 * Every session boundary (04:00, 09:30, 13:00, 16:00, 17:00, 20:00 New York) is then a bar boundary, so bars
 * aligned to the session open are also the clock-aligned windows Polygon aggregates into, and no bar is cut short.
 */
public record Timeframe(Duration length) {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    public Timeframe {
        if (length == null || length.isNegative() || length.isZero() || length.toSecondsPart() != 0
                || length.toNanosPart() != 0 || HALF_HOUR.toMinutes() % length.toMinutes() != 0) {
            throw new IllegalArgumentException("Bar size must be 1, 2, 3, 5, 6, 10, 15 or 30 minutes, not " + length);
        }
    }

    public static Timeframe minutes(int minutes) {
        return new Timeframe(Duration.ofMinutes(minutes));
    }

    public int minutes() {
        return (int) length.toMinutes();
    }

    /** "5-min": how people and log lines name the bar size. */
    public String label() {
        return minutes() + "-min";
    }

    public int barsIn(TradingSession session) {
        return (int) (Duration.between(session.open(), session.close()).toMinutes() / minutes());
    }

    /** The starts of the bars of this session, from the open; the last bar ends at the close. */
    public List<Instant> barStarts(TradingSession session) {
        List<Instant> starts = new ArrayList<>();
        for (Instant start = session.open(); start.isBefore(session.close()); start = start.plus(length)) {
            starts.add(start);
        }
        return starts;
    }

    /** True when a bar may start at this instant in this session: inside it and on its grid. */
    public boolean isBarStart(Instant start, TradingSession session) {
        return session.contains(start) && Duration.between(session.open(), start).toMillis() % length.toMillis() == 0;
    }
}
