package com.papertrader.application.trading;

import com.papertrader.application.Settings;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarRepository;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.infrastructure.persistence.JpaTradingStore;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Live paper trading: every new bar goes through the {@link BarProcessor} (broker, then the agents' scans), in bar
 * time order, and everything a bar event changed is saved in one transaction together with the tickers' processed-bar
 * cursors. The database is the truth: the broker is rebuilt from it at start-up and after a failed save, and bars
 * stored but not yet processed (a crash between storing and trading) are processed at start-up, once.
 */
@Singleton
@Startup
@DependsOn({"DatabaseSchema", "ScannerBean"})
public class TradingDesk {

    private static final Logger LOG = Logger.getLogger(TradingDesk.class.getName());
    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();

    @Inject
    Settings settings;

    @Inject
    JpaTradingStore store;

    @Inject
    BarRepository bars;

    @Inject
    ScannerBean scanner;

    @Inject
    Clock wallClock;

    private BarProcessor processor;
    private final Map<String, Instant> cursors = new HashMap<>();

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        rebuild();
        warmWindows();
        catchUp();
    }

    /** Bars the poller stored or revised; those not newer than a ticker's cursor were processed before. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void onBars(@Observes BarsIngested event) {
        Optional<TradingSession> session = CALENDAR.sessionAt(event.liveFrom());
        process(event.bars(), bar -> event.isLive(bar) || settings.tradeBackfill()
                || session.map(s -> s.contains(bar.start())).orElse(false));
    }

    /** Counts for the status page; waits for a bar event in progress rather than reading half of it. */
    @Lock(LockType.READ)
    public TradingSummary summary() {
        Broker broker = processor.broker();
        return new TradingSummary(broker.accounts().size(), broker.liveOrders().size(), broker.openPositions().size());
    }

    private void process(List<Bar> newBars, Predicate<Bar> tradable) {
        List<BrokerChanges> changes = new ArrayList<>();
        Map<String, Instant> advanced = new HashMap<>();
        for (Bar bar : newBars) {
            Instant cursor = cursors.get(bar.ticker());
            if (cursor != null && !bar.start().isAfter(cursor)) {
                continue;
            }
            changes.addAll(processor.process(bar, tradable.test(bar)));
            cursors.put(bar.ticker(), bar.start());
            advanced.put(bar.ticker(), bar.start());
        }
        if (advanced.isEmpty()) {
            return;
        }
        try {
            scanner.saved(store.save(changes, scanner.drainChanges(), advanced));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Saving the trading of " + newBars.size() + " bars failed; rebuilding the broker from the database", e);
            rebuild();
            throw e;
        }
    }

    /** A broker holding exactly what the database holds, with an account and risk limits for every agent. */
    private void rebuild() {
        BarClock clock = new BarClock(Instant.EPOCH);
        Broker broker = PaperBrokers.create(clock, CALENDAR, settings);
        broker.restore(store.accounts(), store.openPositions(), store.ordersToRemember(rememberSince()));
        for (Agent agent : scanner.agents()) {
            if (broker.account(agent.getAccountId()).isEmpty()) {
                store.save(broker.openAccount(agent.getAccountId(), settings.startingCash(), BigDecimal.ONE));
            }
            broker.setRiskLimits(agent.getId().value(), SignalOrders.limits(agent.getRisk()));
        }
        cursors.clear();
        cursors.putAll(store.cursors());
        processor = new BarProcessor(broker, clock, scanner);
        LOG.info(() -> "Broker restored: " + broker.accounts().size() + " accounts, " + broker.openPositions().size()
                + " open positions, " + broker.liveOrders().size() + " working orders");
    }

    /** Each ticker's window gets the bars processed so far, so a scan never sees a bar after the one it is scanning. */
    private void warmWindows() {
        for (String ticker : settings.tickers()) {
            Instant through = cursors.get(ticker);
            if (through == null) {
                continue;
            }
            scanner.warm(ticker, bars.latestUpTo(ticker, through, settings.windowSize()));
        }
    }

    /** Bars stored while the broker was not running after them (a crash or a kill): processed now, in time order. */
    private void catchUp() {
        List<Bar> pending = new ArrayList<>();
        cursors.forEach((ticker, through) -> pending.addAll(bars.after(ticker, through)));
        if (pending.isEmpty()) {
            return;
        }
        pending.sort(Comparator.comparing(Bar::start).thenComparing(Bar::ticker));
        Instant newest = pending.get(pending.size() - 1).start();
        Optional<TradingSession> session = CALENDAR.sessionAt(newest);
        LOG.info(() -> "Catching up on " + pending.size() + " bars stored but not yet traded on");
        process(pending, bar -> settings.tradeBackfill() || session.map(s -> s.contains(bar.start())).orElse(false));
    }

    /** Orders of bars a backfill can bring again must be remembered, so none is placed twice. */
    private Instant rememberSince() {
        return wallClock.instant().minus(Duration.ofDays(7L * settings.backfillDays()));
    }
}
