package com.papertrader.application.scanning;

import com.papertrader.application.Settings;
import com.papertrader.application.trading.OrderSource;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.infrastructure.persistence.JpaTradingStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The application's {@link AgentScanner}: loads the agents (the sample agents of {@code agents/} on first start) and
 * serialises scans. It writes nothing itself: the scan records and agents' changed states it collects are saved by
 * the trading desk in the transaction of the trading they caused ({@link #drainChanges()}).
 */
@Singleton
@Startup
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScannerBean implements OrderSource, AgentScanner.Listener {

    private static final Logger LOG = Logger.getLogger(ScannerBean.class.getName());

    @Inject
    JpaTradingStore store;

    @Inject
    Settings settings;

    @Inject
    AgentRuntime runtime;

    @Inject
    Clock clock;

    private AgentScanner scanner;
    private final List<ScanRecord> unsavedRecords = new ArrayList<>();
    private final Map<AgentId, Agent> unsavedAgents = new LinkedHashMap<>();

    @PostConstruct
    void loadAgents() {
        scanner = new AgentScanner(runtime, settings.windowSize(), settings.maxConsecutiveErrors(), this);
        List<Agent> stored = store.agents();
        if (stored.isEmpty()) {
            List<Agent> samples = store.saveAgents(AgentScriptFiles.fromClasspath(ScannerBean.class.getClassLoader()).stream()
                    .map(definition -> definition.toAgent(clock))
                    .toList());
            LOG.info(() -> "First start: loaded " + samples.size() + " sample agents from agents/");
            stored = samples;
        }
        stored.forEach(scanner::install);
        LOG.info(() -> scanner.agents().size() + " agents, "
                + scanner.agents().stream().filter(agent -> scanner.isCompiled(agent.getId())).count() + " enabled and compiled");
    }

    /** Every agent, enabled or not. */
    @Lock(LockType.READ)
    public Collection<Agent> agents() {
        return scanner.agents();
    }

    public void warm(String ticker, List<Bar> bars) {
        scanner.warm(ticker, bars);
    }

    @Override
    public List<OrderRequest> ordersFor(Bar bar, boolean tradable, BiFunction<String, String, Optional<Position>> positions) {
        return scanner.ordersFor(bar, tradable, positions);
    }

    /** What the scans since the last call want saved; the caller saves it and hands the saved agents back. */
    public ScanChanges drainChanges() {
        ScanChanges changes = new ScanChanges(unsavedRecords, List.copyOf(unsavedAgents.values()));
        unsavedRecords.clear();
        unsavedAgents.clear();
        return changes;
    }

    /** Agents as saved (their versions moved on), to scan with from now on. */
    public void saved(List<Agent> agents) {
        agents.forEach(scanner::install);
    }

    /** A deleted agent: no longer scanned. */
    public void removed(AgentId agent) {
        scanner.uninstall(agent);
    }

    @Override
    public void scanned(ScanRecord record) {
        unsavedRecords.add(record);
    }

    @Override
    public Agent changed(Agent agent) {
        unsavedAgents.put(agent.getId(), agent);
        return agent;
    }
}
