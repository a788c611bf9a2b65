package com.papertrader.application.scanning;

import com.papertrader.application.trading.ScanOutcome;
import com.papertrader.application.trading.SignalOrders;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.portfolio.OpenPositions;
import com.papertrader.domain.trading.portfolio.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scans agents on bars, in memory: every enabled agent compiled once (again only when its script changes), a window
 * of closed bars per ticker, every agent watching a ticker scanned on each of its bars. A failing scan is recorded on
 * its agent, which is stopped after {@code maxConsecutiveErrors} in a row; the other agents never notice. What a bar's
 * scans leave to keep (records, agents' scan health) comes back in its {@link ScanOutcome}, for the caller to save
 * with the bar's trading or to drop (a backtest). Plain Java and single-threaded: the server's {@link ScannerBean}
 * serialises the calls.
 */
public final class AgentScanner implements AgentScanning {

    private static final Logger LOG = Logger.getLogger(AgentScanner.class.getName());

    private final AgentRuntime runtime;
    private final int windowSize;
    private final int maxConsecutiveErrors;
    private final ScanObserver observer;
    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final Map<AgentId, AgentScript> compiled = new HashMap<>();
    private final Map<String, BarWindow> windows = new HashMap<>();

    /** A scanner nobody watches: backtests and dry runs. */
    public AgentScanner(AgentRuntime runtime, int windowSize, int maxConsecutiveErrors) {
        this(runtime, windowSize, maxConsecutiveErrors, ScanObserver.NONE);
    }

    /** @param observer told the cost of every scan (the live scanner's metrics) */
    public AgentScanner(AgentRuntime runtime, int windowSize, int maxConsecutiveErrors, ScanObserver observer) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.windowSize = windowSize;
        this.maxConsecutiveErrors = maxConsecutiveErrors;
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public void install(Agent agent) {
        agents.put(agent.getId(), agent);
        AgentScript current = compiled.get(agent.getId());
        if (!agent.isEnabled()) {
            compiled.remove(agent.getId());
        } else if (current == null || !current.scriptHash().equals(agent.getScriptHash())) {
            compile(agent);
        }
    }

    @Override
    public void uninstall(AgentId agent) {
        agents.remove(agent);
        compiled.remove(agent);
    }

    @Override
    public Collection<Agent> agents() {
        return List.copyOf(agents.values());
    }

    public boolean isCompiled(AgentId agent) {
        return compiled.containsKey(agent);
    }

    @Override
    public void split(Split split) {
        window(split.ticker()).rescale(split);
    }

    @Override
    public void warm(String ticker, List<Bar> bars) {
        BarWindow window = new BarWindow(ticker, windowSize);
        bars.forEach(window::add);
        windows.put(ticker, window);
    }

    @Override
    public ScanOutcome ordersFor(Bar bar, boolean tradable, OpenPositions positions) {
        BarWindow window = window(bar.ticker());
        window.add(bar);
        List<OrderRequest> orders = new ArrayList<>();
        List<ScanRecord> records = new ArrayList<>();
        List<Agent> changed = new ArrayList<>();
        for (Agent agent : List.copyOf(agents.values())) {
            AgentScript script = compiled.get(agent.getId());
            if (script == null || !agent.scans(bar.ticker())) {
                continue;
            }
            Optional<Position> position = positions.of(agent.getAccountId(), bar.ticker());
            ScanResult result = runtime.scan(script, window,
                    new ScanContext(agent.getParameters(), position.map(SignalOrders::scriptView).orElse(null)));
            observer.scanned(agent, result.duration(), result.hasProblem());
            record(agent, bar, result, records).ifPresent(changed::add);
            if (tradable) {
                for (int i = 0; i < result.signals().size(); i++) {
                    SignalOrders.toRequest(agent, bar, i, result.signals().get(i), position).ifPresent(orders::add);
                }
            }
        }
        return new ScanOutcome(orders, records, changed);
    }

    /** Keeps the scan if it signalled or failed; @return the agent if its scan health changed */
    private Optional<Agent> record(Agent agent, Bar bar, ScanResult result, List<ScanRecord> records) {
        result.rejections().forEach(rejection -> LOG.log(Level.WARNING, "Agent {0} on {1} @ {2}: signal rejected: {3}",
                new Object[]{agent.getName(), bar.ticker(), bar.start(), rejection}));
        if (!result.signals().isEmpty()) {
            records.add(new ScanRecord(agent.getId(), bar.ticker(), bar.start(), agent.getScriptHash(),
                    result.signals(), result.duration()));
        }
        Optional<String> problem = result.problem();
        if (problem.isPresent()) {
            records.add(ScanRecord.failed(agent.getId(), bar.ticker(), bar.start(), agent.getScriptHash(),
                    problem.get(), result.duration()));
            LOG.log(Level.WARNING, "Agent {0} failed on {1} @ {2}: {3}",
                    new Object[]{agent.getName(), bar.ticker(), bar.start(), problem.get()});
            if (agent.recordScanError(problem.get(), maxConsecutiveErrors)) {
                LOG.log(Level.WARNING, "Agent {0} stopped after {1} failed scans in a row",
                        new Object[]{agent.getName(), maxConsecutiveErrors});
                install(agent);
            }
            return Optional.of(agent);
        }
        if (agent.getConsecutiveErrors() > 0) {
            agent.recordScanSuccess();
            return Optional.of(agent);
        }
        return Optional.empty();
    }

    private void compile(Agent agent) {
        Compilation compilation = runtime.compile(agent.getId(), agent.getScript());
        if (compilation instanceof Compilation.Success success) {
            compiled.put(agent.getId(), success.script());
        } else if (compilation instanceof Compilation.Failure failure) {
            compiled.remove(agent.getId());
            LOG.log(Level.SEVERE, "Agent {0} does not compile and is not scanned: {1}",
                    new Object[]{agent.getName(), failure.errors()});
        }
    }

    private BarWindow window(String ticker) {
        return windows.computeIfAbsent(ticker, t -> new BarWindow(t, windowSize));
    }
}
