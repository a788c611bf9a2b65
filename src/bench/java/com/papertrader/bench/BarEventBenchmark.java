package com.papertrader.bench;

import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.scanning.ScanObserver;
import com.papertrader.application.trading.BarClock;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.application.trading.SignalOrders;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One bar event end to end, in memory, as the trading desk runs it: each of 48 tickers' bars through
 * {@link BarProcessor} (broker, then the 10 agents' scans as the order source, then their orders submitted);
 * with {@code -p tickers=48,3000 -p agents=20}, the universe-scale figures (issue "Universe scale").
 * The agents trade the simulated market from a fresh 100,000.00 account each, with their sample files' risk
 * settings, so the broker's state is whatever their trading has built up. Saving the changes is not included.
 * Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class BarEventBenchmark {

    /**
     * Agents at their maximum of open positions have every further entry rejected, and BarProcessor logs each at
     * INFO: a dozen lines an event here, which would measure the console. Kept in a field: JUL holds loggers weakly.
     */
    private static final Logger REJECTIONS = Logger.getLogger(BarProcessor.class.getName());

    /** How many tickers trade: the 48 of {@link BenchMarket#TICKERS}, then made-up ones. */
    @Param("48")
    public int tickers;

    /** How many agents, each watching every ticker. */
    @Param("10")
    public int agents;

    /** Whether every scan is also recorded in the metrics, as on the server ({@link OperationsMetrics}). */
    @Param("false")
    public boolean metrics;

    private BarProcessor processor;
    private Iterator<List<Bar>> events;
    private List<Bar> event;
    private long fills;
    private long orderEvents;

    @Setup(Level.Trial)
    public void setUp() {
        AgentScanner scanner = scanner(agents, metrics ? new OperationsMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
                : ScanObserver.NONE);
        events = BenchMarket.simulatedEvents(BenchMarket.universe(tickers), BenchMarket.FIRST_DAY);
        ScanCycleBenchmark.warm(scanner, events, ScanCycleBenchmark.WINDOW_SIZE);
        processor = trading(scanner);
    }

    /** A scanner with {@code agents} sample agents on every ticker; their refused entries not logged (see REJECTIONS). */
    public static AgentScanner scanner(int agents) {
        return scanner(agents, ScanObserver.NONE);
    }

    /** The same, each scan told to {@code observer}. */
    public static AgentScanner scanner(int agents, ScanObserver observer) {
        REJECTIONS.setLevel(java.util.logging.Level.WARNING);
        AgentScanner scanner = new AgentScanner(new RhinoAgentRuntime(SandboxLimits.defaults(), BenchMarket.CALENDAR),
                ScanCycleBenchmark.WINDOW_SIZE, 3, observer);
        ScanCycleBenchmark.agentsOnAllTickers(agents).forEach(scanner::install);
        return scanner;
    }

    /** The broker and the bar processing over the scanner's agents, each in a 100,000.00 account with its sample limits. */
    public static BarProcessor trading(AgentScanner scanner) {
        BarClock clock = new BarClock(Instant.EPOCH);
        Broker broker = new Broker(clock, FillModel.of(BenchMarket.CALENDAR), FeeModel.free());
        for (Agent agent : scanner.agents()) {
            String id = agent.getId().value();
            broker.openAccount(id, new BigDecimal("100000.00"), BigDecimal.ONE);
            broker.setRiskLimits(id, SignalOrders.limits(agent.getRisk()));
        }
        return new BarProcessor(broker, clock, scanner);
    }

    @Setup(Level.Invocation)
    public void nextEvent() {
        event = events.next();
    }

    @Benchmark
    public List<BrokerChanges> processOneBarEvent() {
        List<BrokerChanges> changes = new ArrayList<>();
        for (Bar bar : event) {
            changes.addAll(processor.process(bar, true).broker());
        }
        for (BrokerChanges change : changes) {
            fills += change.fills().size();
            orderEvents += change.events().size();
        }
        return changes;
    }

    @TearDown(Level.Trial)
    public void report() {
        Broker broker = processor.broker();
        Runtime heap = Runtime.getRuntime();
        System.out.printf("%n%d tickers x %d agents: %,d order events, %,d fills; now %d open positions, %d working orders,"
                        + " last bar %s; heap used %,d MiB of %,d%n", tickers, agents, orderEvents, fills, broker.openPositions().size(),
                broker.liveOrders().size(), event.get(0).start(), (heap.totalMemory() - heap.freeMemory()) >> 20, heap.maxMemory() >> 20);
    }
}
