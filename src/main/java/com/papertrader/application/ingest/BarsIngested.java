package com.papertrader.application.ingest;

import com.papertrader.domain.market.Bar;
import java.time.Instant;
import java.util.List;

/**
 * The bars one poll cycle stored or revised, in bar time order (ticker breaks ties), for the broker and the scanner.
 * Bars older than {@code liveFrom} came from backfill or revision: they warm windows, and trade only if configured.
 */
public record BarsIngested(List<Bar> bars, Instant liveFrom) {

    public BarsIngested {
        bars = List.copyOf(bars);
    }

    /** True for the bar that just became due, false for backfilled or revised older bars. */
    public boolean isLive(Bar bar) {
        return !bar.start().isBefore(liveFrom);
    }
}
