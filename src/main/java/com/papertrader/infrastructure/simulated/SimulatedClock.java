package com.papertrader.infrastructure.simulated;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TradingSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Market time for demos: starts at a given market instant and runs N simulated minutes per real second, only through
 * regular sessions (at a close it jumps to the next open), so a new 5-minute bar closes every 5/N real seconds.
 * Give it to the poller and the simulated market in place of the system clock.
 */
public final class SimulatedClock extends Clock {

    private final Instant marketStart;
    private final long speed;
    private final MarketCalendar calendar;
    private final Clock real;
    private final Instant realStart;

    /**
     * @param marketStart               the market instant shown at creation (moved to the next open if the market is closed)
     * @param simulatedMinutesPerSecond how many market minutes pass per real second (1 or more)
     */
    public SimulatedClock(Instant marketStart, int simulatedMinutesPerSecond, MarketCalendar calendar, Clock real) {
        this(marketStart, simulatedMinutesPerSecond, calendar, real, real.instant());
    }

    private SimulatedClock(Instant marketStart, long speed, MarketCalendar calendar, Clock real, Instant realStart) {
        if (speed < 1) {
            throw new IllegalArgumentException("simulated minutes per second must be at least 1, not " + speed);
        }
        this.marketStart = Objects.requireNonNull(marketStart, "marketStart");
        this.speed = speed;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.real = real;
        this.realStart = realStart;
    }

    @Override
    public Instant instant() {
        Duration remaining = Duration.between(realStart, real.instant()).multipliedBy(speed * 60);
        Instant cursor = marketStart;
        while (true) {
            TradingSession session = calendar.nextSession(cursor);
            if (cursor.isBefore(session.open())) {
                cursor = session.open();
            }
            Duration leftInSession = Duration.between(cursor, session.close());
            if (remaining.compareTo(leftInSession) < 0) {
                return cursor.plus(remaining);
            }
            remaining = remaining.minus(leftInSession);
            cursor = session.close();
        }
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SimulatedClock(marketStart, speed, calendar, real.withZone(zone), realStart);
    }
}
