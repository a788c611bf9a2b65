package com.papertrader.bench;

import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.trading.ScanOutcome;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The scanner's work for one bar event: 48 tickers' new bars, each scanned by 10 agents (480 sandboxed Rhino scans)
 * through {@link AgentScanner#ordersFor}, windows warmed with 200 bars. Goal (issue "Agents and the scanner"):
 * p99 under 20 ms. Results and the command: BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class ScanCycleBenchmark {

    static final int AGENTS = 10;
    /** scanner.window-size by default; the windows start full. */
    public static final int WINDOW_SIZE = 200;

    private AgentScanner scanner;
    private Iterator<List<Bar>> events;
    private List<Bar> event;
    private int scans;
    private int scansWithSignals;
    private int signals;

    @Setup(Level.Trial)
    public void setUp() {
        scanner = new AgentScanner(new RhinoAgentRuntime(SandboxLimits.defaults(), BenchMarket.CALENDAR), WINDOW_SIZE, 3);
        tenAgentsOnAllTickers().forEach(scanner::install);
        events = BenchMarket.simulatedEvents(BenchMarket.TICKERS, BenchMarket.FIRST_DAY);
        warm(scanner, events, WINDOW_SIZE);
        scanner.agents().forEach(agent -> {
            if (!scanner.isCompiled(agent.getId())) {
                throw new IllegalStateException(agent.getId() + " does not compile");
            }
        });
    }

    @Setup(Level.Invocation)
    public void nextEvent() {
        event = events.next();
    }

    /** One bar event: every ticker's new bar through the scanner, no positions held (entries only). */
    @Benchmark
    public List<OrderRequest> scanOneBarEvent() {
        List<OrderRequest> orders = new ArrayList<>();
        for (Bar bar : event) {
            ScanOutcome outcome = scanner.ordersFor(bar, true, (account, ticker) -> Optional.empty());
            orders.addAll(outcome.orders());
            scansWithSignals += outcome.records().size();
        }
        scans += event.size() * AGENTS;
        signals += orders.size();
        return orders;
    }

    @TearDown(Level.Trial)
    public void report() {
        scanner.agents().forEach(agent -> {
            if (!agent.isEnabled() || agent.getConsecutiveErrors() > 0) {
                throw new IllegalStateException(agent.getId() + " failed: " + agent.getLastError().orElse("?"));
            }
        });
        System.out.printf("%n%,d scans, %,d with signals, %,d order requests, last bar %s%n",
                scans, scansWithSignals, signals, event.get(0).start());
    }

    /**
     * The three sample agents (agents/*.js, as packaged in the WAR) repeated under distinct ids to make 10, every one
     * watching all tickers.
     */
    static List<Agent> tenAgentsOnAllTickers() {
        return agentsOnAllTickers(AGENTS);
    }

    /** {@code count} agents made as {@link #tenAgentsOnAllTickers} makes ten. */
    public static List<Agent> agentsOnAllTickers(int count) {
        List<AgentDefinition> samples = AgentScriptFiles.fromClasspath(ScanCycleBenchmark.class.getClassLoader());
        Clock clock = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AgentDefinition sample = samples.get(i % samples.size());
            agents.add(new AgentDefinition(AgentId.of(sample.id().value() + "-" + i), sample.name() + " #" + i, sample.script(),
                    WatchedTickers.all(), sample.parameters(), sample.risk()).toAgent(clock));
        }
        return agents;
    }

    /** Fills every ticker's window with the next {@code bars} bar events, as the desk does from the database at start. */
    public static void warm(AgentScanner scanner, Iterator<List<Bar>> events, int bars) {
        Map<String, List<Bar>> history = new HashMap<>();
        for (int i = 0; i < bars; i++) {
            events.next().forEach(bar -> history.computeIfAbsent(bar.ticker(), ticker -> new ArrayList<>()).add(bar));
        }
        history.forEach(scanner::warm);
    }
}
