package com.papertrader.application.ingest;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.PollCycle;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.domain.market.TradingSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings each watched ticker's closed bars from the feed into ohlcv_data, right after each bar is due.
 * <p>
 * Called every few seconds; does nothing until the schedule says a bar is due. A due cycle asks, per ticker, only for
 * the bars since the newest stored one (re-reading {@value #REVISION_BARS} bars behind it for revisions), or, for a
 * ticker with nothing stored, from the start of the backfill lookback. So start-up and any outage are backfilled by
 * the same code.
 * <p>
 * Up to {@code concurrentCalls} calls run at once on the given executor (one by one on the free plan). While calls are
 * still out, the tickers that answered with nothing missing (only the bar that became due, and revisions) are stored
 * and sent downstream at once, so a slow ticker holds back no other. A ticker that answered with older bars too (its
 * backfill, or a gap) waits for the end of the cycle: then all such bars go to the store in one transaction and
 * downstream in time order, as a backfill must.
 * <p>
 * Failures never drop a ticker: a 429 pauses the call budget and the cycle carries on from the same ticker when the
 * budget allows; timeouts and 5xx are retried with backoff a bounded number of times, then the ticker waits for the
 * next cycle, which asks again from its newest stored bar. Each finished cycle's timing goes to the {@link FeedStats}
 * ({@link PollCycle}). Pure Java: the container calls {@link #tick()}.
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
    private final Calls calls;

    private final Map<String, Instant> newestStored = new HashMap<>();
    /** Tickers still to fetch in the current cycle, in order, with their failed attempts. */
    private final Map<String, Attempt> pending = new LinkedHashMap<>();
    private Instant nextDueAt = Instant.MIN;
    private Instant cycleBar;
    private CycleTimer timer;

    private record Attempt(int failures, Instant notBefore) {
        static final Attempt FIRST = new Attempt(0, Instant.MIN);
    }

    /**
     * How the feed is called: {@code concurrent} calls at most at once on {@code executor}, their durations read on
     * {@code stopwatch} (the wall clock; the feed's own clock may run at a simulated speed).
     */
    public record Calls(Executor executor, int concurrent, Clock stopwatch) {

        public Calls {
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(stopwatch, "stopwatch");
            if (concurrent < 1) {
                throw new IllegalArgumentException("at least one call at a time, not " + concurrent);
            }
        }

        /** One call after another, in the caller's thread. */
        public static Calls oneByOne(Clock stopwatch) {
            return new Calls(Runnable::run, 1, stopwatch);
        }
    }

    /** One ticker's answer: its bars, or why there are none, and how long the call took. */
    private record Answer(String ticker, Attempt attempt, FetchedBars bars, FeedException failure, Duration took) {
    }

    public BarPoller(MarketFeed feed, BarStore store, BarSchedule schedule, CallBudget budget, RetryPolicy retries, FeedStats stats,
                     Clock clock, List<String> tickers, int backfillSessions, Consumer<BarsIngested> downstream, Calls calls) {
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
        this.calls = Objects.requireNonNull(calls, "calls");
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
            timer = new CycleTimer(cycleBar, calls.stopwatch().instant());
        }
        StoredBars stored = fetchPending(now);
        if (pending.isEmpty()) {
            stats.recordCycle(timer.finished());
        }
        return stored;
    }

    /** Calls the feed for the tickers due now, storing and sending downstream as described on the class. */
    private StoredBars fetchPending(Instant now) {
        Instant to = cycleBar.plus(schedule.timeframe().length());
        Iterator<Map.Entry<String, Attempt>> due = pending.entrySet().stream()
                .filter(entry -> !entry.getValue().notBefore().isAfter(now)).toList().iterator();
        CompletionService<Answer> answers = new ExecutorCompletionService<>(calls.executor());
        Batches batches = new Batches();
        // Each call spends at least one of the calls the budget allows now; calls out have not all counted theirs yet.
        int allowed = budget.callsAvailableNow();
        int submitted = 0;
        int outstanding = 0;
        boolean budgetSpent = false;
        while (true) {
            while (!budgetSpent && submitted < allowed && outstanding < calls.concurrent() && due.hasNext()) {
                Map.Entry<String, Attempt> entry = due.next();
                String ticker = entry.getKey();
                Attempt attempt = entry.getValue();
                Instant from = from(ticker);
                answers.submit(() -> call(ticker, attempt, from, to));
                submitted++;
                outstanding++;
            }
            if (outstanding == 0) {
                break;
            }
            for (Future<Answer> answer = next(answers, true); answer != null; answer = next(answers, false)) {
                outstanding--;
                budgetSpent |= take(done(answer), batches, now);
            }
            if (outstanding > 0) {
                store(batches.onTime, batches);
                batches.onTime.clear();
            }
        }
        List<Bar> rest = new ArrayList<>(batches.onTime);
        rest.addAll(batches.catchingUp);
        store(rest, batches);
        return new StoredBars(batches.inserted, batches.revised);
    }

    /** Bars that answered and wait to be stored, and what this tick stored. */
    private static final class Batches {
        final List<Bar> onTime = new ArrayList<>();
        final List<Bar> catchingUp = new ArrayList<>();
        final List<Bar> inserted = new ArrayList<>();
        final List<Bar> revised = new ArrayList<>();
    }

    private Answer call(String ticker, Attempt attempt, Instant from, Instant to) {
        Instant started = calls.stopwatch().instant();
        FetchedBars bars = null;
        FeedException failure = null;
        try {
            bars = feed.fetch(ticker, from, to);
        } catch (FeedException e) {
            failure = e;
        }
        return new Answer(ticker, attempt, bars, failure, Duration.between(started, calls.stopwatch().instant()));
    }

    private static Future<Answer> next(CompletionService<Answer> answers, boolean wait) {
        try {
            return wait ? answers.take() : answers.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the feed", e);
        }
    }

    /** A call's answer; anything but a {@link FeedException} (a defect) fails the tick, as it would without threads. */
    private static Answer done(Future<Answer> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the feed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Files one answer: its session bars into a batch, or its failure into the retry plan.
     *
     * @return true when the call budget is spent (a 429 or our own count): no more calls this tick
     */
    private boolean take(Answer answer, Batches batches, Instant now) {
        String ticker = answer.ticker();
        timer.answered(ticker, answer.took(), calls.stopwatch().instant());
        if (answer.failure() == null) {
            stats.recordPoll();
            answer.bars().rejected().forEach(rejected ->
                    LOG.log(Level.WARNING, "Rejected bar from {0}: {1}", new Object[]{feed.name(), rejected.reason()}));
            stats.recordRejected(answer.bars().rejected().size());
            List<Bar> bars = answer.bars().bars().stream().filter(bar -> schedule.isSessionBar(bar.start())).toList();
            (isOnTime(ticker, bars) ? batches.onTime : batches.catchingUp).addAll(bars);
            stats.recordBars(answer.bars().bars());
            pending.remove(ticker);
            return false;
        }
        FeedException e = answer.failure();
        stats.recordError(e.getMessage());
        if (e.kind() == FeedException.Kind.RATE_LIMITED) {
            budget.rateLimited();
            LOG.log(Level.WARNING, "{0}; resuming with {1} at {2}", new Object[]{e.getMessage(), ticker, budget.nextCallAt()});
            return true;
        }
        int failures = answer.attempt().failures() + 1;
        Optional<Duration> backoff = retries.backoffAfter(failures, e);
        if (backoff.isPresent()) {
            pending.put(ticker, new Attempt(failures, now.plus(backoff.get())));
            LOG.log(Level.WARNING, "{0}; retrying {1} in {2} s", new Object[]{e.getMessage(), ticker, backoff.get().toSeconds()});
        } else {
            pending.remove(ticker);
            LOG.log(Level.SEVERE, "{0}; {1} waits for the next bar", new Object[]{e.getMessage(), ticker});
        }
        return false;
    }

    /** Nothing missing: every bar newer than the newest stored one is the bar that became due (or later). */
    private boolean isOnTime(String ticker, List<Bar> bars) {
        Instant newest = newestStored.get(ticker);
        return newest != null && bars.stream().filter(bar -> bar.start().isAfter(newest)).noneMatch(bar -> bar.start().isBefore(cycleBar));
    }

    /** Stores the bars in one transaction and sends what changed downstream, timed. */
    private void store(List<Bar> bars, Batches batches) {
        if (bars.isEmpty()) {
            return;
        }
        Instant started = calls.stopwatch().instant();
        StoredBars stored = store.upsert(bars);
        Instant storedAt = calls.stopwatch().instant();
        // every bar is stored now, also those stored before with the same values (by the minute stream, or a revision read)
        bars.forEach(bar -> newestStored.merge(bar.ticker(), bar.start(), (a, b) -> a.isAfter(b) ? a : b));
        batches.inserted.addAll(stored.inserted());
        batches.revised.addAll(stored.revised());
        if (!stored.isEmpty()) {
            Instant barEnd = cycleBar.plus(schedule.timeframe().length());
            stats.recordBatchStored(barEnd);
            downstream.accept(new BarsIngested(stored.changed(), cycleBar));
            stats.recordBatchTraded(stored.changed().size(), barEnd);
        }
        timer.stored(stored.changed().size(), Duration.between(started, storedAt), Duration.between(storedAt, calls.stopwatch().instant()),
                stored.isEmpty() ? null : clock.instant());
    }

    /** The figures of the cycle in progress. */
    private final class CycleTimer {
        private final Instant bar;
        private final Instant started;
        private final Set<String> tickers = new HashSet<>();
        private int bars;
        private Instant lastAnswer;
        private Duration storing = Duration.ZERO;
        private Duration trading = Duration.ZERO;
        private Instant firstTraded;
        private Instant lastTraded;
        private String slowestTicker;
        private Duration slowestCall = Duration.ZERO;

        CycleTimer(Instant bar, Instant started) {
            this.bar = bar;
            this.started = started;
            this.lastAnswer = started;
        }

        void answered(String ticker, Duration took, Instant at) {
            tickers.add(ticker);
            lastAnswer = at;
            if (slowestTicker == null || took.compareTo(slowestCall) > 0) {
                slowestTicker = ticker;
                slowestCall = took;
            }
        }

        void stored(int count, Duration storeTook, Duration tradeTook, Instant tradedAt) {
            bars += count;
            storing = storing.plus(storeTook);
            trading = trading.plus(tradeTook);
            if (tradedAt != null) {
                firstTraded = firstTraded == null ? tradedAt : firstTraded;
                lastTraded = tradedAt;
            }
        }

        PollCycle finished() {
            Instant barEnd = bar.plus(schedule.timeframe().length());
            return new PollCycle(bar, tickers.size(), bars, Duration.between(started, lastAnswer), storing, trading,
                    Optional.ofNullable(firstTraded).map(at -> Duration.between(barEnd, at)),
                    Optional.ofNullable(lastTraded).map(at -> Duration.between(barEnd, at)),
                    Optional.ofNullable(slowestTicker), slowestCall);
        }
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
