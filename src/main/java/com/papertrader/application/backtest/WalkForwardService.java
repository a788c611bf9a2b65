package com.papertrader.application.backtest;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Walk-forward tests in the container: stored queued, run by a {@link WalkForwardRunner} on the managed executor (the
 * in-sample sweeps on every core), the windows done kept in memory while it runs, the results stored when it ends. One
 * cut off by a restart shows as INTERRUPTED; it is run again as a new test (its windows are short compared with a sweep's
 * many runs, and a window's choice depends on the whole in-sample sweep).
 */
@ApplicationScoped
public class WalkForwardService {

    private static final Logger LOG = Logger.getLogger(WalkForwardService.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    BacktestService backtests;

    @Inject
    BacktestStore store;

    @Inject
    ScannerSettings scanning;

    @Inject
    MarketCalendar calendar;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    private final Map<String, RunProgress> going = new ConcurrentHashMap<>();

    /**
     * @throws IllegalArgumentException naming an unknown agent, or a period whose trading days hold no whole window
     */
    public WalkForward start(WalkForwardRequest request, Actor actor) {
        BacktestRequest backtest = request.sweep().backtest();
        Agent agent = backtests.agent(backtest.agentId());
        long tradingDays = backtest.from().datesUntil(backtest.to().plusDays(1)).filter(calendar::isTradingDay).count();
        if (tradingDays < request.inSampleDays() + request.outOfSampleDays()) {
            throw new IllegalArgumentException("the period has " + tradingDays + " trading days; one window of " + request.inSampleDays()
                    + " in-sample and " + request.outOfSampleDays() + " out-of-sample days needs "
                    + (request.inSampleDays() + request.outOfSampleDays()));
        }
        WalkForward test = new WalkForward(UUID.randomUUID().toString(), request, clock.instant());
        store.addWalkForward(test);
        RunProgress progress = new RunProgress();
        going.put(test.getId(), progress);
        try {
            executor.submit(() -> execute(test, agent, request, progress));
        } catch (RuntimeException e) {
            going.remove(test.getId());
            store.walkForwardFailed(test.getId(), "could not be started: " + e.getMessage(), clock.instant());
            throw e;
        }
        audit.record(actor, AuditAction.WALK_FORWARD_STARTED, "walk-forward " + test.getId(), "agent " + agent.getId() + ", "
                + request.inSampleDays() + " in-sample and " + request.outOfSampleDays() + " out-of-sample days, grid "
                + request.sweep().grid().toJson() + ", " + String.join(",", backtest.tickers()) + " " + backtest.from() + " to " + backtest.to());
        return test;
    }

    /** @return false when the test is not going in this server */
    public boolean cancel(String id, Actor actor) {
        RunProgress progress = going.get(id);
        if (progress == null) {
            return false;
        }
        progress.cancel();
        audit.record(actor, AuditAction.WALK_FORWARD_CANCELED, "walk-forward " + id, "");
        return true;
    }

    public Optional<WalkForward> find(String id) {
        return store.findWalkForward(id);
    }

    public List<WalkForward> all() {
        return store.walkForwards();
    }

    /** As {@link BacktestService#statusOf}: the stored status, or INTERRUPTED for a test cut off by a restart. */
    public String statusOf(WalkForward test) {
        if (test.getStatus().isFinished() || going.containsKey(test.getId())
                || store.findWalkForward(test.getId()).filter(now -> now.getStatus().isFinished()).isPresent()) {
            return test.getStatus().name();
        }
        return "INTERRUPTED";
    }

    /** Windows done: live while the test runs, all of the stored ones after. */
    public long windowsDone(WalkForward test) {
        return Optional.ofNullable(going.get(test.getId())).map(RunProgress::done).orElse((long) test.getWindows().size());
    }

    private void execute(WalkForward test, Agent agent, WalkForwardRequest request, RunProgress progress) {
        String id = test.getId();
        try {
            BacktestRequest backtest = test.request();
            WalkForwardRunner runner = new WalkForwardRunner(backtests.backtester(backtest), agent, backtest.tickers(),
                    backtest.startingCash(), backtests.warmup(backtest), backtests.stored(backtest), scanning.windowSize());
            List<LocalDate> days = runner.days();
            store.walkForwardStarted(id, WalkForwardRunner.windows(days, request.inSampleDays(), request.outOfSampleDays()).size());
            WalkForwardRunner.Result result = runner.run(request.sweep().grid(), request.sweep().rankBy(), request.inSampleDays(),
                    request.outOfSampleDays(), SweepService.parallelism(), executor, progress::barsDone, progress::canceled);
            store.walkForwardFinished(id, result, clock.instant());
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Walk-forward " + id + " of agent " + test.getAgentId() + " cannot run: " + e.getMessage());
            store.walkForwardFailed(id, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Walk-forward " + id + " of agent " + test.getAgentId() + " failed: " + e.getMessage(), e);
            store.walkForwardFailed(id, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
        } finally {
            going.remove(id);
        }
    }
}
