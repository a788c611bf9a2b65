package com.papertrader.application.scanning;

import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.application.trading.ScanOutcome;
import com.papertrader.application.trading.TradingStore;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.portfolio.OpenPositions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * The server's {@link AgentScanner}: loads the agents when the database is ready (the sample agents of {@code agents/} on
 * first start)
 * and serialises every use of the scanner (the trading desk's bar events and admin changes write; the status reads).
 * It saves nothing itself: what scans leave to keep travels in each bar's {@link ScanOutcome} to the desk's save.
 */
@Singleton
@LocalBean
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScannerBean implements AgentScanning {

    private static final Logger LOG = Logger.getLogger(ScannerBean.class.getName());

    @Inject
    TradingStore store;

    @Inject
    ScannerSettings settings;

    @Inject
    AgentRuntime runtime;

    @Inject
    Clock clock;

    @Inject
    OperationsMetrics metrics;

    private AgentScanner scanner;

    @PostConstruct
    void create() {
        scanner = new AgentScanner(runtime, settings.windowSize(), settings.maxConsecutiveErrors(), metrics);
    }

    /** The agents the database holds, once it is ready (the trading desk's start): the sample agents on first start. */
    public void load() {
        if (store.agents().isEmpty()) {
            List<Agent> samples = store.saveAgents(AgentScriptFiles.fromClasspath(ScannerBean.class.getClassLoader()).stream()
                    .map(definition -> definition.toAgent(clock))
                    .toList());
            LOG.info(() -> "First start: loaded " + samples.size() + " sample agents from agents/");
        }
        reload();
        LOG.info(() -> scanner.agents().size() + " agents, "
                + scanner.agents().stream().filter(agent -> scanner.isCompiled(agent.getId())).count() + " enabled and compiled");
    }

    @Override
    @Lock(LockType.READ)
    public Collection<Agent> agents() {
        return scanner.agents();
    }

    @Override
    public void warm(String ticker, List<Bar> bars) {
        scanner.warm(ticker, bars);
    }

    @Override
    public ScanOutcome ordersFor(Bar bar, boolean tradable, OpenPositions positions) {
        return scanner.ordersFor(bar, tradable, positions);
    }

    @Override
    public void split(Split split) {
        scanner.split(split);
    }

    @Override
    public void install(Agent agent) {
        scanner.install(agent);
    }

    @Override
    public void uninstall(AgentId agent) {
        scanner.uninstall(agent);
    }

    /** The agents as the database holds them now: another server changed them (scripts unchanged stay compiled). */
    public void reload() {
        List<Agent> stored = store.agents();
        scanner.agents().stream().map(Agent::getId)
                .filter(id -> stored.stream().noneMatch(agent -> agent.getId().equals(id)))
                .forEach(scanner::uninstall);
        stored.forEach(scanner::install);
    }
}
