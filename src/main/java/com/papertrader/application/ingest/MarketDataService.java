package com.papertrader.application.ingest;

import com.papertrader.application.settings.FeedSettings;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MinuteBars;
import com.papertrader.domain.market.RetryPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The market data pipeline in the container: builds the {@link BarPoller} and the {@link CorporateActionRefresh} over
 * the produced {@link MarketSource}, and the {@link StreamIngest} when the source streams minutes; runs them on each
 * timer tick (the stream's reconnection first, then corporate actions, so a split is known before its day's first bar)
 * and announces what was stored ({@link BarsIngested}, {@link CorporateActionsStored}) for the trading desk.
 */
@ApplicationScoped
public class MarketDataService {

    private static final Logger LOG = Logger.getLogger(MarketDataService.class.getName());

    @Inject
    FeedSettings feed;

    @Inject
    MarketSettings market;

    @Inject
    BarStore store;

    @Inject
    MarketSource source;

    @Inject
    CallBudget budget;

    @Inject
    FeedStats stats;

    @Inject
    MarketCalendar calendar;

    @Inject
    CorporateActionStore corporateActions;

    @Inject
    Event<BarsIngested> ingested;

    @Inject
    Clock wallClock;

    /** Runs Polygon calls side by side (polygon.concurrent-calls); the platform's own pool, on WildFly and Payara alike. */
    @Resource
    ManagedExecutorService executor;

    @Inject
    Event<CorporateActionsStored> corporateActionsStored;

    private BarSchedule schedule;
    private BarPoller poller;
    private CorporateActionRefresh refresh;
    private Optional<StreamIngest> streaming;

    @PostConstruct
    void build() {
        // The simulated market and a replay deliver a bar as soon as it ends; Polygon's plan may deliver it later.
        Duration delay = feed.usesPolygon() ? market.providerDelay() : Duration.ZERO;
        schedule = new BarSchedule(calendar, market.timeframe(), delay, market.grace(), market.extendedHours());
        // The simulated market and a replay answer in process: nothing to gain from threads.
        BarPoller.Calls calls = feed.usesPolygon() && feed.concurrentCalls() > 1
                ? new BarPoller.Calls(executor, feed.concurrentCalls(), wallClock) : BarPoller.Calls.oneByOne(wallClock);
        poller = new BarPoller(source.feed(), store, schedule, budget, RetryPolicy.standard(), stats, source.clock(),
                market.symbols(), market.backfillDays(), ingested::fire, calls);
        streaming = source.stream().map(stream -> new StreamIngest(stream, new MinuteBars(schedule, source.clock()), schedule, store, stats,
                executor, ingested::fire));
        refresh = new CorporateActionRefresh(source.corporateActions(), corporateActions, stats, source.clock(), market.symbols(),
                corporateActionsStored::fire);
        if (feed.usesPolygon()) {
            budget.shortfall(market.tickers().size(), market.timeframe()).ifPresent(shortfall ->
                    LOG.warning("Polygon call budget too small, bars will arrive late: " + shortfall));
        }
    }

    /**
     * One timer tick; a failure is logged and the next tick carries on. Never inside a transaction: the store commits
     * the bars in its own before the trading desk saves the trading they cause, which would otherwise wait on the
     * uncommitted bars (SQLite has one writer). Said here rather than only on the timer, because Payara runs
     * {@code @Schedule} callbacks in a container transaction whatever their transaction attribute.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void tick() {
        try {
            streaming.ifPresent(StreamIngest::tick);
            refresh.tick();
            poller.tick();
        } catch (RuntimeException e) {
            stats.recordError("Poll cycle failed: " + e.getMessage());
            LOG.log(Level.SEVERE, "Poll cycle failed; the next tick retries", e);
        }
    }

    @PreDestroy
    void stop() {
        standBy();
    }

    /** This server stopped running the desk: its minute stream, if any, is closed (the next {@link #tick()} opens it again). */
    public void standBy() {
        streaming.ifPresent(StreamIngest::close);
    }

    public FeedStats.Snapshot stats() {
        return stats.snapshot();
    }

    public String feedName() {
        return source.feed().name();
    }

    /** When the next bar becomes due, by the feed's clock (the simulated market's own in a demo). */
    public Instant nextBarDueAt() {
        return schedule.nextDueAt(source.clock().instant());
    }

    /** The session of the newest due bar, by the feed's clock, and how many of its bars are due: what the Market page counts against. */
    public BarSchedule.SessionSoFar sessionSoFar() {
        return schedule.sessionSoFar(source.clock().instant());
    }

    /** The plan today's calls count against (the calls made are in {@link #stats()}). */
    public CallPlan callPlan() {
        LocalDate today = LocalDate.ofInstant(source.clock().instant(), MarketCalendar.NEW_YORK);
        Integer perMinute = feed.usesPolygon() ? budget.callsPerMinute() : null;
        return new CallPlan(schedule.expectedCallsPerDay(today, market.tickers().size()), perMinute);
    }

    /**
     * @param expectedCallsToday the calls the schedule needs today for the subscribed tickers
     * @param callsPerMinute     the plan's limit; null when calls are not metered (the simulated market)
     */
    public record CallPlan(int expectedCallsToday, Integer callsPerMinute) {
    }
}
