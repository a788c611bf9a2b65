package com.papertrader.application.ingest;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.domain.market.TradingSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings each watched ticker's closed bars from the feed into ohlcv_data, right after each bar is due.
 * <p>
 * Called every few seconds; does nothing until the schedule says a bar is due. A due cycle asks, per ticker, only for
 * the bars since the newest stored one (re-reading {@value #REVISION_BARS} bars behind it for revisions), or, for a
 * ticker with nothing stored, from the start of the backfill lookback. So start-up and any outage are backfilled by
 * the same code. All bars of a call go to the store in one transaction and then downstream in time order.
 * <p>
 * Failures never drop a ticker: a 429 pauses the call budget and the cycle carries on from the same ticker when the
 * budget allows; timeouts and 5xx are retried with backoff a bounded number of times, then the ticker waits for the
 * next cycle, which asks again from its newest stored bar. Pure Java: the container calls {@link #tick()}.
 */
public final class BarPoller {

    /** Bars re-read behind the newest stored one: late prints revise a bar for about 15 minutes. */
    static final int REVISION_BARS = 3;

    private static final Logger LOG = Logger.getLogger(BarPoller.class.getName());

    private final MarketFeed feed;
    private final BarStore store;
    private final BarSchedule schedule;
    private final CallBudget budget;
    private final RetryPolicy retries;
    private final FeedStats stats;
    private final Clock clock;
    private final List<String> tickers;
    private final int backfillSessions;
    private final Consumer<BarsIngested> downstream;

    private final Map<String, Instant> newestStored = new HashMap<>();
    /** Tickers still to fetch in the current cycle, in order, with their failed attempts. */
    private final Map<String, Attempt> pending = new LinkedHashMap<>();
    private Instant nextDueAt = Instant.MIN;
    private Instant cycleBar;

    private record Attempt(int failures, Instant notBefore) {
        static final Attempt FIRST = new Attempt(0, Instant.MIN);
    }

    public BarPoller(MarketFeed feed, BarStore store, BarSchedule schedule, CallBudget budget, RetryPolicy retries, FeedStats stats,
                     Clock clock, List<String> tickers, int backfillSessions, Consumer<BarsIngested> downstream) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.store = Objects.requireNonNull(store, "store");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tickers = List.copyOf(tickers);
        this.backfillSessions = backfillSessions;
        this.downstream = Objects.requireNonNull(downstream, "downstream");
        if (backfillSessions < 1) {
            throw new IllegalArgumentException("backfill must cover at least one session, not " + backfillSessions);
        }
    }

    /**
     * One timer tick: starts a cycle when a bar has become due, then fetches what the budget allows.
     *
     * @return the bars stored or revised by this tick (empty when there was nothing to do)
     */
    public synchronized StoredBars tick() {
        Instant now = clock.instant();
        if (pending.isEmpty()) {
            if (now.isBefore(nextDueAt)) {
                return new StoredBars(List.of(), List.of());
            }
            cycleBar = schedule.latestDueBar(now);
            nextDueAt = schedule.nextDueAt(now);
            tickers.forEach(ticker -> pending.put(ticker, Attempt.FIRST));
        }
        List<Bar> fetched = fetchPending(now);
        StoredBars stored = store.upsert(fetched);
        stored.changed().forEach(bar -> newestStored.merge(bar.ticker(), bar.start(), (a, b) -> a.isAfter(b) ? a : b));
        if (!stored.isEmpty()) {
            downstream.accept(new BarsIngested(stored.changed(), cycleBar));
        }
        return stored;
    }

    private List<Bar> fetchPending(Instant now) {
        List<Bar> fetched = new ArrayList<>();
        Instant to = cycleBar.plus(schedule.timeframe().length());
        for (Iterator<Map.Entry<String, Attempt>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Attempt> entry = it.next();
            String ticker = entry.getKey();
            if (entry.getValue().notBefore().isAfter(now)) {
                continue;
            }
            if (!budget.allowsCallNow()) {
                break;
            }
            try {
                FetchedBars result = feed.fetch(ticker, from(ticker), to);
                stats.recordPoll();
                result.rejected().forEach(rejected ->
                        LOG.log(Level.WARNING, "Rejected bar from {0}: {1}", new Object[]{feed.name(), rejected.reason()}));
                result.bars().stream().filter(bar -> schedule.isSessionBar(bar.start())).forEach(fetched::add);
                stats.recordBars(result.bars());
                it.remove();
            } catch (FeedException e) {
                stats.recordError(e.getMessage());
                if (e.kind() == FeedException.Kind.RATE_LIMITED) {
                    budget.rateLimited();
                    LOG.log(Level.WARNING, "{0}; resuming with {1} at {2}", new Object[]{e.getMessage(), ticker, budget.nextCallAt()});
                    break;
                }
                Optional<Duration> backoff = retries.backoffAfter(entry.getValue().failures() + 1, e);
                if (backoff.isPresent()) {
                    entry.setValue(new Attempt(entry.getValue().failures() + 1, now.plus(backoff.get())));
                    LOG.log(Level.WARNING, "{0}; retrying {1} in {2} s", new Object[]{e.getMessage(), ticker, backoff.get().toSeconds()});
                } else {
                    it.remove();
                    LOG.log(Level.SEVERE, "{0}; {1} waits for the next bar", new Object[]{e.getMessage(), ticker});
                }
            }
        }
        return fetched;
    }

    /** Since the newest stored bar (less the revision window), never before the backfill lookback. */
    private Instant from(String ticker) {
        Instant lookback = backfillStart();
        Instant newest = newestStored.computeIfAbsent(ticker, t -> store.lastBarStart(t).orElse(null));
        if (newest == null) {
            return lookback;
        }
        Instant revisionStart = newest.minus(schedule.timeframe().length().multipliedBy(REVISION_BARS));
        return revisionStart.isBefore(lookback) ? lookback : revisionStart;
    }

    /** The open of the session {@code backfillSessions} trading days back, counting the current bar's session. */
    private Instant backfillStart() {
        LocalDate date = cycleBar.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        Instant start = null;
        for (int found = 0; found < backfillSessions; date = date.minusDays(1)) {
            Optional<TradingSession> session = schedule.session(date);
            if (session.isPresent()) {
                start = session.get().open();
                found++;
            }
        }
        return start;
    }
}
