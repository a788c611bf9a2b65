package com.papertrader.application.trading;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.scanning.AgentScanning;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.market.TradingSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The bar-trading loop: every bar newer than its ticker's cursor goes through the {@link BarProcessor} (broker, then
 * the agents' scans), in bar time order, and what a bar event changed is saved in one transaction with the new
 * cursors. At a start it first warms the agents' windows with the bars traded before, then trades the bars stored but
 * not traded on (a crash between storing and trading), once. Plain Java over the broker it is given: the
 * {@link TradingDesk} makes sure nothing else changes that broker meanwhile, and rebuilds both after a failed save.
 */
public final class BarTrading {

    private static final Logger LOG = Logger.getLogger(BarTrading.class.getName());

    private final BarProcessor processor;
    private final Map<String, Instant> cursors;
    private final TradingStore store;
    private final BarStore bars;
    private final AgentScanning scanner;
    private final ScannerSettings scanning;
    private final MarketCalendar calendar;
    private final int refusedOrdersKept;

    /**
     * @param processor         the broker (as the store holds it) and the scanner, on a bar clock
     * @param cursors           each ticker's newest bar traded on, as stored
     * @param refusedOrdersKept each agent's newest refused orders kept in full (all are counted)
     */
    public BarTrading(BarProcessor processor, Map<String, Instant> cursors, TradingStore store, BarStore bars,
                      AgentScanning scanner, ScannerSettings scanning, MarketCalendar calendar, int refusedOrdersKept) {
        this.processor = processor;
        this.cursors = new HashMap<>(cursors);
        this.store = store;
        this.bars = bars;
        this.scanner = scanner;
        this.scanning = scanning;
        this.calendar = calendar;
        this.refusedOrdersKept = refusedOrdersKept;
    }

    /** The corporate actions known (applied or not) from now on: each is applied at its ticker's next bar on or after its date. */
    public void follow(CorporateActions actions) {
        processor.follow(actions);
    }

    /**
     * Bars the poller stored or revised; those not newer than their ticker's cursor were traded before. A bar places
     * orders when it is live, or of the session the event is in (a backfill of today's morning), or when backfilled
     * bars may trade ({@code scanner.trade-backfill}); every bar warms the windows.
     *
     * @return what the live pages are told
     */
    public TradingSaved onBars(BarsIngested event) {
        Optional<TradingSession> session = calendar.sessionAt(event.liveFrom());
        return trade(event.bars(), bar -> event.isLive(bar) || scanning.tradeBackfill()
                || session.map(s -> s.contains(bar.start())).orElse(false));
    }

    /**
     * Each followed ticker's window gets the bars traded on so far (so a scan never sees a bar after the one it scans),
     * on the share basis of the splits applied: at a start, and after a failed save.
     */
    public void warmWindows(List<Ticker> tickers) {
        for (Ticker ticker : tickers) {
            Instant through = cursors.get(ticker.symbol());
            if (through != null) {
                scanner.warm(ticker.symbol(), bars.latestUpTo(ticker.symbol(), through, scanning.windowSize()));
                processor.appliedSplits(ticker.symbol()).forEach(scanner::split);
            }
        }
    }

    /** At a start: the bars stored but not traded on are traded, in time order, as a backfill of their session. */
    public TradingSaved catchUp() {
        List<Bar> pending = new ArrayList<>();
        cursors.forEach((ticker, through) -> pending.addAll(bars.after(ticker, through)));
        if (pending.isEmpty()) {
            return TradingSaved.NOTHING;
        }
        pending.sort(Comparator.comparing(Bar::start).thenComparing(Bar::ticker));
        Optional<TradingSession> session = calendar.sessionAt(pending.get(pending.size() - 1).start());
        LOG.info(() -> "Catching up on " + pending.size() + " bars stored but not yet traded on");
        return trade(pending, bar -> scanning.tradeBackfill() || session.map(s -> s.contains(bar.start())).orElse(false));
    }

    /** The broker's time over every bar traded so far, the scans left out (see {@link BarProcessor#brokerTime()}). */
    public Duration brokerTime() {
        return processor.brokerTime();
    }

    private TradingSaved trade(List<Bar> newBars, Predicate<Bar> tradable) {
        TradingChanges changes = new TradingChanges(refusedOrdersKept, scanning.recordsKept());
        for (Bar bar : newBars) {
            Instant cursor = cursors.get(bar.ticker());
            if (cursor == null || bar.start().isAfter(cursor)) {
                changes.add(bar, processor.process(bar, tradable.test(bar)));
                cursors.put(bar.ticker(), bar.start());
            }
        }
        if (changes.isEmpty()) {
            return TradingSaved.NOTHING;
        }
        store.save(changes);
        return changes.saved();
    }
}
