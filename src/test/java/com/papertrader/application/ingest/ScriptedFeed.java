package com.papertrader.application.ingest;

import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Wraps a real feed: counts calls, spends a call budget like the Polygon feed, fails the next calls of a ticker on demand,
 * or alters what it answers. Calls from several threads are answered one at a time.
 */
final class ScriptedFeed implements MarketFeed {

    record Call(String ticker, Instant from, Instant to) {
    }

    private final List<Instant> callTimes = new ArrayList<>();

    private final MarketFeed delegate;
    private final Map<String, Deque<FeedException>> failures = new HashMap<>();
    private UnaryOperator<FetchedBars> alteration = UnaryOperator.identity();
    private CallBudget budget;
    final List<Call> calls = new ArrayList<>();

    private final Clock clock;

    ScriptedFeed(MarketFeed delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    /** When each call was made. */
    List<Instant> callTimes() {
        return List.copyOf(callTimes);
    }

    void failNext(String ticker, FeedException... exceptions) {
        failures.computeIfAbsent(ticker, t -> new ArrayDeque<>()).addAll(List.of(exceptions));
    }

    /** Spends one call of this budget per fetch, as the Polygon feed spends one per page. */
    void spend(CallBudget budget) {
        this.budget = budget;
    }

    void alter(UnaryOperator<FetchedBars> alteration) {
        this.alteration = alteration;
    }

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public synchronized FetchedBars fetch(String ticker, Instant from, Instant to) throws FeedException {
        calls.add(new Call(ticker, from, to));
        callTimes.add(clock.instant());
        if (budget != null && !budget.tryAcquire()) {
            throw new FeedException(FeedException.Kind.RATE_LIMITED, "call budget spent before " + ticker);
        }
        FeedException failure = failures.getOrDefault(ticker, new ArrayDeque<>()).poll();
        if (failure != null) {
            throw failure;
        }
        return alteration.apply(delegate.fetch(ticker, from, to));
    }
}
