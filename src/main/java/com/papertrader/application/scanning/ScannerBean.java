package com.papertrader.application.scanning;

import com.papertrader.application.Settings;
import com.papertrader.application.trading.OrderSource;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.market.Bar;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;

/**
 * The application's {@link AgentScanner}: loads the agents (the sample agents of {@code agents/} on first start),
 * serialises scans, and saves scan records and agents' changed states in the scan's transaction.
 */
@Singleton
@Startup
@LocalBean
@DependsOn("DatabaseSchema")
public class ScannerBean implements OrderSource, AgentScanner.Listener {

    private static final Logger LOG = Logger.getLogger(ScannerBean.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    AgentRuntime runtime;

    @Inject
    Clock clock;

    private AgentScanner scanner;

    @PostConstruct
    void loadAgents() {
        scanner = new AgentScanner(runtime, settings.windowSize(), settings.maxConsecutiveErrors(), this);
        List<Agent> stored = em.createNamedQuery("Agent.findAll", Agent.class).getResultList();
        if (stored.isEmpty()) {
            List<Agent> samples = AgentScriptFiles.fromClasspath(ScannerBean.class.getClassLoader()).stream()
                    .map(definition -> definition.toAgent(clock))
                    .toList();
            samples.forEach(em::persist);
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

    @Override
    public void scanned(ScanRecord record) {
        em.persist(record);
    }

    @Override
    public Agent changed(Agent agent) {
        return em.merge(agent);
    }
}
