package com.papertrader.domain.market;

import java.time.LocalDate;
import java.util.List;

/**
 * A source of splits and cash dividends: Polygon's reference endpoints, the simulated market's own, a CSV file. A
 * record that cannot be used (a ratio that is not a split, a dividend not in USD, a ticker not asked for) never fails
 * the fetch: it is among the rejected, named by ticker, and the rest is kept.
 */
public interface CorporateActionFeed {

    /** A feed with no actions (a replay without an actions file). */
    CorporateActionFeed NONE = (tickers, from) -> new Fetched(List.of(), List.of());

    /**
     * The splits and cash dividends of the tickers effective on or after {@code from}, including those announced for
     * later dates.
     *
     * @throws FeedException when the source cannot answer at all
     */
    Fetched fetch(List<String> tickers, LocalDate from) throws FeedException;

    /** What a fetch brought: the actions, and why each record left out was left out. */
    record Fetched(List<CorporateAction> actions, List<String> rejected) {
        public Fetched {
            actions = List.copyOf(actions);
            rejected = List.copyOf(rejected);
        }
    }
}
