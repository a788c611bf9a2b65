package com.papertrader.application.backtest;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentParameters;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parameter sweeps in the container: a sweep and its combinations' runs are stored queued, then run by a
 * {@link SweepRunner} on the server's managed executor, one combination per core at a time. Each combination's run is
 * tracked like any backtest's (its page shows its progress). Whether a sweep is going is kept in memory: one stored as
 * going that this server is not running was cut off by a restart, and resuming it runs only its runs not done.
 *
 * <p>Not Jakarta Batch: its job repository (where a restart finds what was done) is in memory in WildFly's default
 * configuration, and a database one is server configuration with tables outside this application's migrations, set
 * up differently on each server. The runs are rows already; resuming queues again those that did not end.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    BacktestService backtests;

    @Inject
    BacktestStore store;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** The sweeps going in this server and whether each was asked to stop. */
    private final Map<String, Going> going = new ConcurrentHashMap<>();

    private static final class Going {
        private volatile boolean cancel;
    }

    /** Stores the sweep and its combinations, queued, and starts it. */
    public BacktestSweep start(SweepRequest request, Actor actor) {
        Agent agent = backtests.agent(request.backtest().agentId());
        BacktestSweep sweep = new BacktestSweep(UUID.randomUUID().toString(), request.backtest(), agent.getScriptHash(),
                agent.getParameters().toJson(), request.grid(), request.rankBy(), clock.instant());
        List<Map<String, Object>> combinations = request.grid().combinations();
        List<BacktestRun> runs = new ArrayList<>();
        for (int i = 0; i < combinations.size(); i++) {
            runs.add(BacktestRun.ofSweep(sweep, i, ParameterGrid.overlay(agent.getParameters(), combinations.get(i))));
        }
        store.addSweep(sweep, runs);
        launch(sweep, agent, runs);
        audit.record(actor, AuditAction.SWEEP_STARTED, "sweep " + sweep.getId(), "agent " + agent.getId() + ", "
                + runs.size() + " combinations of " + request.grid().toJson() + ", " + String.join(",", request.backtest().tickers())
                + " " + request.backtest().from() + " to " + request.backtest().to());
        return sweep;
    }

    /**
     * Runs again the combinations of a sweep that did not end (canceled, or cut off by a restart), keeping those done
     * and those failed.
     *
     * @throws IllegalStateException when the sweep is going or done, or its agent's script or parameters changed since it started
     * @throws IllegalArgumentException for an unknown sweep, or one whose agent is gone
     */
    public BacktestSweep resume(String id, Actor actor) {
        BacktestSweep sweep = store.findSweep(id).orElseThrow(() -> new IllegalArgumentException("no sweep " + id));
        if (going.containsKey(id)) {
            throw new IllegalStateException("sweep " + id + " is running");
        }
        if (sweep.getStatus() == BacktestRun.Status.DONE) {
            throw new IllegalStateException("sweep " + id + " is done: every combination ran");
        }
        Agent agent = backtests.agent(sweep.getAgentId());
        if (!agent.getScriptHash().equals(sweep.getScriptVersion())
                || !agent.getParameters().equals(AgentParameters.fromJson(sweep.getAgentParameters()))) {
            throw new IllegalStateException("agent " + sweep.getAgentId() + " changed (script or parameters) since the sweep started:"
                    + " its runs would mix two strategies; start a new sweep");
        }
        List<BacktestRun> todo = store.requeue(id);
        launch(sweep, agent, todo);
        audit.record(actor, AuditAction.SWEEP_RESUMED, "sweep " + id, todo.size() + " combinations to run");
        return sweep;
    }

    /** @return false when the sweep is not going in this server */
    public boolean cancel(String id, Actor actor) {
        Going sweep = going.get(id);
        if (sweep == null) {
            return false;
        }
        sweep.cancel = true;
        audit.record(actor, AuditAction.SWEEP_CANCELED, "sweep " + id, "");
        return true;
    }

    public Optional<BacktestSweep> find(String id) {
        return store.findSweep(id);
    }

    public List<BacktestSweep> all() {
        return store.sweeps();
    }

    /** The sweep's runs, best first by its statistic. */
    public List<BacktestRun> ranked(BacktestSweep sweep) {
        List<BacktestRun> runs = new ArrayList<>(store.runsOf(sweep.getId()));
        runs.sort(sweep.getRankBy().ranking());
        return runs;
    }

    /** As {@link BacktestService#statusOf}: the stored status, or INTERRUPTED for a sweep cut off by a restart. */
    public String statusOf(BacktestSweep sweep) {
        if (sweep.getStatus().isFinished() || going.containsKey(sweep.getId())
                || store.findSweep(sweep.getId()).filter(now -> now.getStatus().isFinished()).isPresent()) {
            return sweep.getStatus().name();
        }
        return "INTERRUPTED";
    }

    /** Whether a sweep in this status can be resumed: it stopped with combinations left. */
    public static boolean resumable(String status) {
        return status.equals("CANCELED") || status.equals("INTERRUPTED") || status.equals("FAILED");
    }

    /** How many cores a sweep runs on: every one the server's JVM sees. */
    public static int parallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    private void launch(BacktestSweep sweep, Agent agent, List<BacktestRun> todo) {
        Going state = new Going();
        if (going.putIfAbsent(sweep.getId(), state) != null) {
            throw new IllegalStateException("sweep " + sweep.getId() + " is running");
        }
        try {
            executor.submit(() -> execute(sweep, agent, todo, state));
        } catch (RuntimeException e) {
            going.remove(sweep.getId());
            store.sweepFailed(sweep.getId(), "could not be started: " + e.getMessage(), clock.instant());
            throw e;
        }
    }

    private void execute(BacktestSweep sweep, Agent agent, List<BacktestRun> todo, Going state) {
        String id = sweep.getId();
        try {
            store.sweepRunning(id);
            BacktestRequest request = sweep.request();
            SweepRunner runner = new SweepRunner(backtests.backtester(request), agent, request.tickers(), request.startingCash(),
                    backtests.warmup(request), backtests.stored(request));
            List<SweepRunner.Combination> combinations = todo.stream()
                    .map(run -> new SweepRunner.Combination(run.getId(), run.parameters().orElseThrow())).toList();
            runner.run(combinations, parallelism(), executor, new Outcomes(sweep), () -> state.cancel);
            store.sweepEnded(id, state.cancel, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweep " + id + " of agent " + sweep.getAgentId() + " stopped; resume it to run what is left", e);
            store.sweepFailed(id, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
        } finally {
            going.remove(id);
        }
    }

    /** Stores each combination's end; a run leaves the runs going only once its end is saved (see statusOf). */
    private final class Outcomes implements SweepRunner.Outcomes {
        private final BacktestSweep sweep;

        Outcomes(BacktestSweep sweep) {
            this.sweep = sweep;
        }

        @Override
        public RunProgress started(SweepRunner.Combination combination, long bars) {
            RunProgress progress = backtests.tracked(combination.runId());
            progress.total(bars);
            store.started(combination.runId(), bars);
            return progress;
        }

        @Override
        public void finished(SweepRunner.Combination combination, BacktestResult result) {
            try {
                store.finished(combination.runId(), result, clock.instant());
            } finally {
                backtests.untracked(combination.runId());
            }
        }

        @Override
        public void failed(SweepRunner.Combination combination, String reason) {
            LOG.warning(() -> "Sweep " + sweep.getId() + " of agent " + sweep.getAgentId() + ": the run with parameters "
                    + combination.parameters() + " failed: " + reason);
            try {
                store.failed(combination.runId(), reason, clock.instant());
            } finally {
                backtests.untracked(combination.runId());
            }
        }
    }
}
