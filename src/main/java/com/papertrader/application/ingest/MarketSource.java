package com.papertrader.application.ingest;

import com.papertrader.domain.market.MarketFeed;
import java.time.Clock;

/** A feed and the clock its bars follow: the wall clock for Polygon, the simulated market's own clock in a demo. */
public record MarketSource(MarketFeed feed, Clock clock) {
}
