package com.papertrader.application.trading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The broker's clock: the close of the bar being processed, not the wall clock. Live trading, a backfill after an
 * outage and a backtest then stamp orders, fills and DAY expiries identically, whenever the bar is processed.
 */
public final class BarClock extends Clock {

    private volatile Instant now;

    public BarClock(Instant start) {
        this.now = start;
    }

    /** Moves to a bar's close; time never runs backwards. */
    public void advanceTo(Instant instant) {
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("BarClock is UTC only");
    }
}
