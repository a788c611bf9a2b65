package com.papertrader.application.ingest;

import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.MinuteStream;
import java.time.Clock;
import java.util.Optional;

/**
 * A feed of bars, the feed of the same source's splits and dividends, the clock both follow (the wall clock for
 * Polygon, the simulated market's own clock in a demo), and the source's stream of minutes when one is configured.
 */
public record MarketSource(MarketFeed feed, CorporateActionFeed corporateActions, Clock clock, Optional<MinuteStream> stream) {

    public MarketSource(MarketFeed feed, CorporateActionFeed corporateActions, Clock clock) {
        this(feed, corporateActions, clock, Optional.empty());
    }
}
