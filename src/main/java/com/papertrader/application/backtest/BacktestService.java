package com.papertrader.application.backtest;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.application.settings.TradingSettings;
import com.papertrader.application.trading.TradingStore;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.CsvBars;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.RejectedBar;
import com.papertrader.domain.trading.order.Order;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Backtests in the container: a request is stored as a queued {@link BacktestRun} and run by the {@link Backtester}
 * on the server's managed executor, with its progress (bars done of the total) kept in memory while it runs and its
 * results stored when it ends. Also the parity check of a live trading day against its replay.
 */
@ApplicationScoped
public class BacktestService {

    private static final Logger LOG = Logger.getLogger(BacktestService.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    Audit audit;

    @Inject
    BacktestStore runs;

    @Inject
    TradingStore trading;

    @Inject
    BarStore bars;

    @Inject
    AgentRuntime runtime;

    @Inject
    MarketSettings market;

    @Inject
    ScannerSettings scanning;

    @Inject
    TradingSettings paperTrading;

    @Inject
    MarketCalendar calendar;

    @Inject
    CorporateActionStore corporateActions;

    @Inject
    Clock clock;

    private final Map<String, RunProgress> running = new ConcurrentHashMap<>();

    /**
     * Queues a backtest over stored bars, or over {@code uploaded} bars (one list per ticker, each in time order)
     * when given.
     *
     * @param source what to show as the bars' origin: "stored bars" or the uploaded file's name
     * @throws IllegalArgumentException naming an unknown agent, or an upload without bars of the tickers in the period
     */
    public BacktestRun start(BacktestRequest request, Optional<List<List<Bar>>> uploaded, String source, Actor actor) {
        Agent agent = agent(request.agentId());
        if (uploaded.isPresent() && uploaded.get().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("the file holds no bars of " + String.join(", ", request.tickers()) + " in the period");
        }
        BacktestRun run = new BacktestRun(UUID.randomUUID().toString(), agent.getId().value(), request.tickers(),
                request.from(), request.to(), request.rawPrices() ? source + ", raw prices" : source, request.startingCash(),
                clock.instant());
        runs.add(run);
        RunProgress progress = tracked(run.getId());
        try {
            executor.submit(() -> execute(run.getId(), agent, request, uploaded, progress));
        } catch (RuntimeException e) {
            running.remove(run.getId());
            runs.failed(run.getId(), "could not be started: " + e.getMessage(), clock.instant());
            throw e;
        }
        audit.record(actor, AuditAction.BACKTEST_STARTED, "backtest " + run.getId(), "agent " + agent.getId() + ", "
                + String.join(",", request.tickers()) + " " + request.from() + " to " + request.to() + ", " + run.getSource());
        return run;
    }

    public Optional<BacktestRun> find(String id) {
        return runs.find(id);
    }

    public List<BacktestRun> all() {
        return runs.all();
    }

    /** The agents a backtest can be run for, as stored. */
    public List<Agent> agents() {
        return trading.agents();
    }

    /** The followed tickers, a form's default. */
    public List<String> followedTickers() {
        return market.symbols();
    }

    /** The configured starting cash of a paper account, a form's default. */
    public BigDecimal startingCash() {
        return paperTrading.startingCash();
    }

    /**
     * An uploaded CSV file's bars of the requested tickers in the period, one list per ticker.
     *
     * @throws IllegalArgumentException for a file with bad lines, naming the first of them
     */
    public List<List<Bar>> uploadedBars(Reader csv, BacktestRequest request) throws IOException {
        CsvBars file = CsvBars.read(csv, market.timeframe());
        if (!file.rejectedLines().isEmpty()) {
            throw new IllegalArgumentException("the file has " + file.rejectedLines().size() + " bad lines (columns ticker,t,o,h,l,c,v): "
                    + file.rejectedLines().stream().limit(3).map(RejectedBar::reason).collect(Collectors.joining("; ")));
        }
        List<List<Bar>> series = new ArrayList<>();
        for (String ticker : request.tickers()) {
            series.add(file.bars(ticker, request.periodStart(), request.periodEnd()));
        }
        return series;
    }

    /** Progress of a run still going in this server. */
    public Optional<RunProgress> progress(String id) {
        return Optional.ofNullable(running.get(id));
    }

    /**
     * The stored status, or INTERRUPTED for a run that was going when the server stopped. A run leaves this server's
     * list of runs going only after its end is saved, so one that is not finished as read and no longer going either
     * was cut off, or ended after {@code run} was read: the row, read again, tells which (the status as read then).
     */
    public String statusOf(BacktestRun run) {
        if (run.getStatus().isFinished() || running.containsKey(run.getId())
                || runs.find(run.getId()).filter(now -> now.getStatus().isFinished()).isPresent()) {
            return run.getStatus().name();
        }
        return "INTERRUPTED";
    }

    /** Bars done: live while the run goes, as stored after. */
    public long barsDone(BacktestRun run) {
        return progress(run.getId()).map(RunProgress::done).orElse(run.getBarsDone());
    }

    public long barsTotal(BacktestRun run) {
        return progress(run.getId()).map(RunProgress::total).orElse(run.getBarsTotal());
    }

    /** @return false when the run is not going (finished, unknown, or left behind by a restart) */
    public boolean cancel(String id, Actor actor) {
        RunProgress progress = running.get(id);
        if (progress == null) {
            return false;
        }
        progress.cancel();
        audit.record(actor, AuditAction.BACKTEST_CANCELED, "backtest " + id, "");
        return true;
    }

    /**
     * Replays a day the agent traded live, from the bars stored for its tickers, and compares orders and fills.
     * An agent watching all tickers is replayed on the configured ones plus any it placed orders in that day.
     * The replay starts flat with the configured starting cash; positions carried into the day show as differences.
     */
    public ParityReport parity(String agentId, LocalDate day) {
        Agent agent = agent(agentId);
        BacktestRequest period = new BacktestRequest(agentId, List.of(), day, day, paperTrading.startingCash());
        List<Order> liveOrders = runs.liveOrders(agentId, period.periodStart(), period.periodEnd());
        Set<String> tickers = new LinkedHashSet<>(agent.getTickers().isAll() ? market.symbols() : agent.getTickers().tickers());
        if (agent.getTickers().isAll()) {
            liveOrders.forEach(order -> tickers.add(order.ticker()));
        }
        BacktestRequest request = new BacktestRequest(agentId, List.copyOf(tickers), day, day, paperTrading.startingCash());
        BacktestResult replay = backtester(request).run(agent, request.tickers(), request.startingCash(), warmup(request),
                Backtester.inTimeOrder(stored(request)), Backtester.Progress.NONE, () -> false);
        return ParityReport.compare(liveOrders, runs.liveFills(agentId, period.periodStart(), period.periodEnd()),
                replay.orders(), replay.fills());
    }

    private void execute(String id, Agent agent, BacktestRequest request, Optional<List<List<Bar>>> uploaded, RunProgress progress) {
        try {
            List<List<Bar>> series = uploaded.orElseGet(() -> stored(request));
            progress.total(series.stream().mapToLong(List::size).sum());
            runs.started(id, progress.total());
            List<Bar> warmup = uploaded.isPresent() ? List.of() : warmup(request);
            Backtester backtester = uploaded.isPresent() ? backtester(request.withPrices("raw")) : backtester(request);
            BacktestResult result = backtester.run(agent, request.tickers(), request.startingCash(), warmup,
                    Backtester.inTimeOrder(series), progress, progress::canceled);
            runs.finished(id, result, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Backtest " + id + " failed", e);
            runs.failed(id, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
        } finally {
            running.remove(id);
        }
    }

    /** A run going in this server from now until {@link #untracked}: its page and the API read this progress. */
    RunProgress tracked(String id) {
        RunProgress progress = new RunProgress();
        running.put(id, progress);
        return progress;
    }

    void untracked(String id) {
        running.remove(id);
    }

    /**
     * The engine as live trading runs it, following the stored splits and dividends of the request's tickers, or on raw
     * prices (an uploaded file has no corporate actions: its bars are taken as they are).
     */
    Backtester backtester(BacktestRequest request) {
        Backtester backtester = new Backtester(runtime, scanning, paperTrading, calendar);
        if (request.rawPrices()) {
            return backtester;
        }
        return backtester.following(CorporateActions.of(corporateActions.inForce().stream()
                .filter(action -> request.tickers().contains(action.ticker())).toList()));
    }

    List<List<Bar>> stored(BacktestRequest request) {
        List<List<Bar>> series = new ArrayList<>();
        for (String ticker : request.tickers()) {
            series.add(bars.range(ticker, request.periodStart(), request.periodEnd()));
        }
        return series;
    }

    /** What the agent's windows would hold at the period's start: each ticker's newest bars before it. */
    List<Bar> warmup(BacktestRequest request) {
        Instant before = request.periodStart().minusMillis(1);
        List<List<Bar>> series = new ArrayList<>();
        for (String ticker : request.tickers()) {
            series.add(bars.latestUpTo(ticker, before, scanning.windowSize()));
        }
        List<Bar> warmup = new ArrayList<>();
        Backtester.inTimeOrder(series).forEachRemaining(warmup::add);
        return warmup;
    }

    Agent agent(String agentId) {
        return trading.agents().stream().filter(agent -> agent.getId().value().equals(agentId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no agent with id \"" + agentId + "\""));
    }
}
