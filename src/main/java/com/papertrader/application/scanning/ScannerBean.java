package com.papertrader.application.scanning;

import com.papertrader.application.Settings;
import com.papertrader.application.trading.OrderSource;
import com.papertrader.application.trading.SignalOrders;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScript;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.Compilation;
import com.papertrader.domain.agent.ScanContext;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.agent.ScanResult;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.portfolio.Position;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps every enabled agent's script compiled (once, again only when its script changes) and an in-memory window of
 * closed bars per ticker, and scans every agent watching a ticker on each of its bars: no database read per scan.
 * A failing scan is recorded on its agent, which is paused after {@code scanner.max-consecutive-errors} in a row;
 * the other agents never notice. On first start (no agent stored) the sample agents of {@code agents/} are loaded.
 */
@Singleton
@Startup
@LocalBean
@DependsOn("DatabaseSchema")
public class ScannerBean implements OrderSource {

    private static final Logger LOG = Logger.getLogger(ScannerBean.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    AgentRuntime runtime;

    @Inject
    Clock clock;

    private final Map<AgentId, Agent> agents = new LinkedHashMap<>();
    private final Map<AgentId, AgentScript> compiled = new HashMap<>();
    private final Map<String, BarWindow> windows = new HashMap<>();

    @PostConstruct
    void loadAgents() {
        List<Agent> stored = em.createNamedQuery("Agent.findAll", Agent.class).getResultList();
        if (stored.isEmpty()) {
            List<Agent> samples = AgentScriptFiles.fromClasspath(ScannerBean.class.getClassLoader()).stream()
                    .map(definition -> definition.toAgent(clock))
                    .toList();
            samples.forEach(em::persist);
            LOG.info(() -> "First start: loaded " + samples.size() + " sample agents from agents/");
            stored = samples;
        }
        stored.forEach(this::install);
        LOG.info(() -> agents.size() + " agents, " + compiled.size() + " enabled and compiled");
    }

    /** Every agent, enabled or not. */
    @Lock(LockType.READ)
    public Collection<Agent> agents() {
        return List.copyOf(agents.values());
    }

    /** Fills a ticker's window with bars already processed, oldest first; called before any scan of the ticker. */
    public void warm(String ticker, List<Bar> bars) {
        BarWindow window = window(ticker);
        bars.forEach(window::add);
    }

    @Override
    public List<OrderRequest> ordersFor(Bar bar, boolean tradable, BiFunction<String, String, Optional<Position>> positions) {
        BarWindow window = window(bar.ticker());
        window.add(bar);
        List<OrderRequest> orders = new ArrayList<>();
        for (Agent agent : agents.values()) {
            AgentScript script = compiled.get(agent.getId());
            if (script == null || !agent.scans(bar.ticker())) {
                continue;
            }
            Optional<Position> position = positions.apply(agent.getId().value(), bar.ticker());
            ScanResult result = runtime.scan(script, window,
                    new ScanContext(agent.getParameters(), position.map(SignalOrders::scriptView).orElse(null)));
            recordOutcome(agent, bar, result);
            if (tradable) {
                for (int i = 0; i < result.signals().size(); i++) {
                    SignalOrders.toRequest(agent, bar, i, result.signals().get(i), position).ifPresent(orders::add);
                }
            }
        }
        return orders;
    }

    private void recordOutcome(Agent agent, Bar bar, ScanResult result) {
        result.rejections().forEach(rejection -> LOG.log(Level.WARNING, "Agent {0} on {1} @ {2}: signal rejected: {3}",
                new Object[]{agent.getName(), bar.ticker(), bar.start(), rejection}));
        if (!result.signals().isEmpty()) {
            em.persist(new ScanRecord(agent.getId(), bar.ticker(), bar.start(), agent.getScriptHash(), result.signals(), result.duration()));
        }
        Optional<String> problem = result.problem();
        if (problem.isPresent()) {
            LOG.log(Level.WARNING, "Agent {0} failed on {1} @ {2}: {3}",
                    new Object[]{agent.getName(), bar.ticker(), bar.start(), problem.get()});
            boolean paused = agent.recordScanError(problem.get(), settings.maxConsecutiveErrors());
            save(agent);
            if (paused) {
                LOG.log(Level.WARNING, "Agent {0} paused after {1} failed scans in a row",
                        new Object[]{agent.getName(), settings.maxConsecutiveErrors()});
            }
        } else if (agent.getConsecutiveErrors() > 0) {
            agent.recordScanSuccess();
            save(agent);
        }
    }

    /** Saves an agent's state and keeps the managed copy (its version moved on); recompiles or drops its script. */
    private void save(Agent agent) {
        install(em.merge(agent));
    }

    private void install(Agent agent) {
        agents.put(agent.getId(), agent);
        AgentScript current = compiled.get(agent.getId());
        if (!agent.isEnabled()) {
            compiled.remove(agent.getId());
        } else if (current == null || !current.scriptHash().equals(agent.getScriptHash())) {
            compile(agent);
        }
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
        return windows.computeIfAbsent(ticker, t -> new BarWindow(t, settings.windowSize()));
    }
}
