package com.papertrader.application.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What the stored bars say about the followed tickers, for the Market page: a few indexed reads per page of tickers. */
public interface MarketQueries {

    /** For each of these tickers (every one is in the answer), the bars stored around the session that opened at {@code open}. */
    Map<String, TickerActivity> activity(Collection<String> tickers, Instant open);

    /**
     * @param last          the newest stored bar's close
     * @param previous      the close of the last bar before the session's open (what a change is measured from)
     * @param barsSinceOpen bars stored from the session's open on
     */
    record TickerActivity(Optional<StoredClose> last, Optional<StoredClose> previous, int barsSinceOpen) {

        public static final TickerActivity NONE = new TickerActivity(Optional.empty(), Optional.empty(), 0);
    }

    /** A bar's close as stored (on the share basis of its day). */
    record StoredClose(Instant barStart, BigDecimal close) {
    }
}
