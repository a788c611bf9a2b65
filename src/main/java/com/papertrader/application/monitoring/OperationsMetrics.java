package com.papertrader.application.monitoring;

import com.papertrader.application.scanning.ScanObserver;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.PollCycle;
import com.papertrader.domain.trading.order.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The operator's metrics (README, "Metrics"): every series the server exports at /metrics is named here, so the names
 * stay the same across versions and restarts. Figures arrive as they happen from the feed ({@link FeedStats.Observer}),
 * the scanner ({@link ScanObserver}) and the trading desk; what the database holds (orders by status, fills, equity per
 * account) is read when the metrics are scraped ({@link #databaseRead}), so every server reports the same numbers.
 */
public final class OperationsMetrics implements FeedStats.Observer, ScanObserver {

    public static final String FEED_CALLS = "papertrader.feed.calls";
    public static final String POLL_CYCLE = "papertrader.poll.cycle";
    public static final String BARS_STORED = "papertrader.bars.stored";
    public static final String BARS_REJECTED = "papertrader.bars.rejected";
    public static final String BAR_TO_STORED = "papertrader.bar.to.stored";
    public static final String BAR_TO_ORDERS = "papertrader.bar.to.orders";
    public static final String SCAN = "papertrader.scan";
    public static final String SCAN_ERRORS = "papertrader.scan.errors";
    public static final String BROKER = "papertrader.broker";
    public static final String ORDERS = "papertrader.orders";
    public static final String FILLS = "papertrader.fills";
    public static final String ACCOUNT_EQUITY = "papertrader.account.equity";
    public static final String LIVE_CLIENTS = "papertrader.live.clients";
    public static final String DESK_ACTIVE = "papertrader.desk.active";
    public static final String DATABASE_UP = "papertrader.database.up";
    public static final String DATABASE_POOL_MAX = "papertrader.database.pool.max";
    public static final String DATABASE_CONNECTIONS_OPENED = "papertrader.database.connections.opened";

    /** Histogram buckets (Prometheus' {@code le}): a scan takes microseconds, a feed call milliseconds, a bar seconds. */
    private static final Duration[] SCAN_BUCKETS = millis(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 50, 100, 1000);
    private static final Duration[] CALL_BUCKETS = millis(50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000);
    private static final Duration[] BAR_BUCKETS = millis(250, 500, 1000, 2000, 5000, 10_000, 30_000, 60_000, 120_000, 300_000);
    private static final Duration[] BROKER_BUCKETS = millis(1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500);

    private final MeterRegistry registry;
    private final Map<AgentId, AgentMeters> agents = new ConcurrentHashMap<>();
    private final Timer broker;
    private final Counter barsRejected;
    private final MultiGauge orders;
    private final MultiGauge equity;
    private final AtomicLong fills = new AtomicLong();
    private volatile boolean databaseUp;

    public OperationsMetrics(MeterRegistry registry) {
        this.registry = registry;
        broker = Timer.builder(BROKER).description("The paper broker's time per bar event (fills, expiries, orders placed), scans left out")
                .serviceLevelObjectives(BROKER_BUCKETS).register(registry);
        barsRejected = Counter.builder(BARS_REJECTED).description("Bars the feed sent that were not valid bars (logged with the ticker)")
                .register(registry);
        orders = MultiGauge.builder(ORDERS).description("Orders in the database by status").register(registry);
        equity = MultiGauge.builder(ACCOUNT_EQUITY).description("Each account's equity (cash + positions at their last price), USD")
                .register(registry);
        FunctionCounter.builder(FILLS, fills, AtomicLong::get).description("Fills in the database").register(registry);
        Gauge.builder(DATABASE_UP, () -> databaseUp ? 1 : 0).description("1 when the database answered the last scrape's questions")
                .strongReference(true).register(registry);
    }

    @Override
    public void callAnswered(String endpoint, Duration took, FeedStats.CallOutcome outcome) {
        Timer.builder(FEED_CALLS).description("Calls to the market data feed, by endpoint and outcome (rate_limited: HTTP 429)")
                .tags("endpoint", endpoint, "outcome", outcome.name().toLowerCase(Locale.ROOT))
                .serviceLevelObjectives(CALL_BUCKETS).register(registry).record(took);
    }

    @Override
    public void cycleFinished(PollCycle cycle) {
        pollStep("fetching").record(cycle.fetching());
        pollStep("storing").record(cycle.storing());
        pollStep("trading").record(cycle.trading());
    }

    private Timer pollStep(String step) {
        return Timer.builder(POLL_CYCLE).description("Each step of a REST poll cycle: fetching every ticker, storing, trading")
                .tag("step", step).serviceLevelObjectives(BAR_BUCKETS).register(registry);
    }

    @Override
    public void batchStored(String path, Duration afterBarEnd) {
        if (afterBarEnd.isNegative()) {
            return; // a simulated market or a replay runs ahead of the wall clock: its bars have no latency to measure
        }
        Timer.builder(BAR_TO_STORED).description("From a bar's end to its bars stored, by how the bar came (rest or stream)")
                .tag("path", path).serviceLevelObjectives(BAR_BUCKETS).register(registry).record(afterBarEnd);
    }

    @Override
    public void batchTraded(String path, int bars, Duration afterBarEnd) {
        Counter.builder(BARS_STORED).description("Bars stored or revised, then traded, by how they came (rest or stream)")
                .tag("path", path).register(registry).increment(bars);
        if (afterBarEnd.isNegative()) {
            return; // as in batchStored
        }
        Timer.builder(BAR_TO_ORDERS).description("From a bar's end to its orders stored, by how the bar came (rest or stream)")
                .tag("path", path).serviceLevelObjectives(BAR_BUCKETS).register(registry).record(afterBarEnd);
    }

    @Override
    public void barsRejected(int bars) {
        barsRejected.increment(bars);
    }

    @Override
    public void scanned(Agent agent, Duration took, boolean failed) {
        AgentMeters meters = agents.get(agent.getId());
        if (meters == null || !meters.name().equals(agent.getName())) {
            meters = agentMeters(agent, meters);
        }
        meters.scans().record(took);
        if (failed) {
            meters.errors().increment();
        }
    }

    /** The agent's meters, made when it first scans or is renamed (then its old name's series end). */
    private AgentMeters agentMeters(Agent agent, AgentMeters renamed) {
        if (renamed != null) {
            registry.remove(renamed.scans());
            registry.remove(renamed.errors());
        }
        AgentMeters meters = new AgentMeters(agent.getName(),
                Timer.builder(SCAN).description("Each scan of a bar by an agent's script").tag("agent", agent.getName())
                        .serviceLevelObjectives(SCAN_BUCKETS).register(registry),
                Counter.builder(SCAN_ERRORS).description("Scans that failed (threw, timed out or broke a rule), by agent")
                        .tag("agent", agent.getName()).register(registry));
        agents.put(agent.getId(), meters);
        return meters;
    }

    private record AgentMeters(String name, Timer scans, Counter errors) {
    }

    /** The broker's time of one bar event (the scans are timed on their own). */
    public void barEventTraded(Duration brokerTime) {
        broker.record(brokerTime);
    }

    /** What the database holds, read for a scrape: orders by status, fills, each account's equity. */
    public void databaseRead(Map<OrderStatus, Long> ordersByStatus, long fillCount, Map<String, BigDecimal> equityByAccount) {
        orders.register(Arrays.stream(OrderStatus.values())
                .map(status -> MultiGauge.Row.of(Tags.of("status", status.name().toLowerCase(Locale.ROOT)), ordersByStatus.getOrDefault(status, 0L)))
                .toList(), true);
        equity.register(equityByAccount.entrySet().stream()
                .map(account -> MultiGauge.Row.of(Tags.of("account", account.getKey()), account.getValue()))
                .toList(), true);
        fills.set(fillCount);
        databaseUp = true;
    }

    /** The database did not answer a scrape's questions: its figures stay as last read, and {@value #DATABASE_UP} says 0. */
    public void databaseDown() {
        databaseUp = false;
    }

    /** The live pages (server-sent events) open on this server. */
    public void watchLiveClients(IntSupplier clients) {
        Gauge.builder(LIVE_CLIENTS, clients::getAsInt).description("Pages receiving live updates from this server").strongReference(true)
                .register(registry);
    }

    /** Whether this server runs the trading desk (1) or stands by (0). */
    public void watchDesk(BooleanSupplier active) {
        Gauge.builder(DESK_ACTIVE, () -> active.getAsBoolean() ? 1 : 0).description("1 on the server that polls and trades, 0 on a standby")
                .strongReference(true).register(registry);
    }

    /** The server's pool of database connections: its size limit, and the connections it has opened since the start. */
    public void watchDatabasePool(int maxConnections, LongSupplier opened) {
        Gauge.builder(DATABASE_POOL_MAX, () -> maxConnections).description("Most connections the server's pool opens")
                .strongReference(true).register(registry);
        // held through this object, which lives as long as the registry (a function counter holds its object weakly)
        FunctionCounter.builder(DATABASE_CONNECTIONS_OPENED, this, metrics -> opened.getAsLong())
                .description("Database connections the server's pool opened (a pool that keeps opening them is losing them)")
                .register(registry);
    }

    private static Duration[] millis(double... values) {
        return Arrays.stream(values).mapToObj(ms -> Duration.ofNanos(Math.round(ms * 1_000_000))).toArray(Duration[]::new);
    }
}
