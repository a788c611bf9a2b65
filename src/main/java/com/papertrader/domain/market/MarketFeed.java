package com.papertrader.domain.market;

import java.time.Instant;

/**
 * A source of bars: Polygon, the simulated market or a CSV replay. Each feed is built for one bar size.
 * A bad bar never fails the fetch: it comes back among the rejected ones, named by ticker and time, and the rest is kept.
 */
public interface MarketFeed {

    /** "polygon", "simulated", "csv": for logs and the dashboard. */
    String name();

    /**
     * The closed bars of this ticker that start in [from, to), oldest first, plus the bars rejected as invalid.
     * The caller picks {@code to} so that every bar before it is due (see {@link BarSchedule}).
     *
     * @throws FeedException when the source cannot answer at all (key refused, rate limit, outage, garbage)
     */
    FetchedBars fetch(String ticker, Instant from, Instant to) throws FeedException;
}
