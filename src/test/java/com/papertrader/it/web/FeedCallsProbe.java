package com.papertrader.it.web;

import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FeedStats.CallOutcome;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;

/**
 * Test-only: reports calls to the feed as Polygon's adapter does when one ends ({@link FeedStats#recordAnswer}), so a
 * client-side test can take the feed down and bring it back without a Polygon that fails on cue.
 */
@Path("test-probe/feed-calls")
public class FeedCallsProbe {

    @Inject
    FeedStats stats;

    @POST
    public void answered(@QueryParam("outcome") String outcome, @QueryParam("count") int count) {
        for (int i = 0; i < count; i++) {
            stats.recordAnswer("aggregates", Duration.ofMillis(5), CallOutcome.valueOf(outcome));
        }
    }
}
