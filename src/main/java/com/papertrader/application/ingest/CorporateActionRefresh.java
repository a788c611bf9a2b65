package com.papertrader.application.ingest;

import com.papertrader.application.ingest.CorporateActionStore.Coverage;
import com.papertrader.application.ingest.CorporateActionStore.StoredActions;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Keeps the stored corporate actions current: at the first tick after a start, then once a day from
 * {@value #DAILY_HOUR}:00 New York (before the open), it fetches the followed tickers' splits and cash dividends
 * effective from {@value #LOOKBACK_DAYS} days back (and those announced ahead), stores what is new, corrected or
 * withdrawn (a known action the source no longer lists), and announces it so trading follows it from the ticker's
 * next bar. A failed fetch is tried again a minute later. Plain Java: the container calls {@link #tick()} from the poll timer, before the bars.
 */
public final class CorporateActionRefresh {

    static final int DAILY_HOUR = 8;
    static final int LOOKBACK_DAYS = 30;
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(CorporateActionRefresh.class.getName());

    private final CorporateActionFeed feed;
    private final CorporateActionStore store;
    private final FeedStats stats;
    private final Clock clock;
    private final List<String> tickers;
    private final Consumer<CorporateActionsStored> downstream;
    private LocalDate refreshedFor;
    private Instant notBefore = Instant.MIN;

    public CorporateActionRefresh(CorporateActionFeed feed, CorporateActionStore store, FeedStats stats, Clock clock,
                                  List<String> tickers, Consumer<CorporateActionsStored> downstream) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.store = Objects.requireNonNull(store, "store");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tickers = List.copyOf(tickers);
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** Fetches when due: never yet, or a new New York day from 08:00 on; nothing otherwise. */
    public void tick() {
        Instant now = clock.instant();
        ZonedDateTime newYork = now.atZone(MarketCalendar.NEW_YORK);
        LocalDate today = newYork.toLocalDate();
        boolean due = refreshedFor == null
                || today.isAfter(refreshedFor) && !newYork.toLocalTime().isBefore(LocalTime.of(DAILY_HOUR, 0));
        if (!due || now.isBefore(notBefore)) {
            return;
        }
        try {
            LocalDate from = today.minusDays(LOOKBACK_DAYS);
            CorporateActionFeed.Fetched fetched = feed.fetch(tickers, from);
            fetched.rejected().forEach(reason -> LOG.warning("Corporate action skipped: " + reason));
            StoredActions stored = store.store(fetched.actions(), new Coverage(Set.copyOf(tickers), from), clock.instant());
            stored.added().forEach(action -> LOG.info(() -> "Corporate action: " + describe(action)));
            stored.corrected().forEach(action -> LOG.info(() -> "Corporate action corrected: " + describe(action)));
            stored.withdrawn().forEach(action -> LOG.warning("Corporate action withdrawn by the source: " + describe(action)
                    + "; it will not be applied"));
            stored.refusedCorrections().forEach(action -> LOG.warning("Corporate action " + describe(action)
                    + " differs from the one applied already; the applied one stands"));
            stored.refusedWithdrawals().forEach(action -> LOG.warning("Corporate action " + describe(action)
                    + " was withdrawn by the source after it was applied; what was applied stands"));
            if (stored.changedAnything()) {
                downstream.accept(new CorporateActionsStored(stored));
            }
            refreshedFor = today;
        } catch (FeedException e) {
            stats.recordError("Corporate actions: " + e.getMessage());
            LOG.warning(() -> "Corporate actions not fetched (" + e.getMessage() + "); trying again in a minute");
            notBefore = now.plus(RETRY_AFTER);
        }
    }

    private static String describe(CorporateAction action) {
        return action.ticker() + " " + action.describe() + " effective " + action.effectiveDate();
    }
}
