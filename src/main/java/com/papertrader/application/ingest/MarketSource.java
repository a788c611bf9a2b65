package com.papertrader.application.ingest;

import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.MarketFeed;
import java.time.Clock;

/**
 * A feed of bars, the feed of the same source's splits and dividends, and the clock both follow: the wall clock for
 * Polygon, the simulated market's own clock in a demo.
 */
public record MarketSource(MarketFeed feed, CorporateActionFeed corporateActions, Clock clock) {
}
