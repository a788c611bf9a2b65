package com.papertrader.application.trading;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.OrderRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One closed bar through the paper broker: DAY orders past their close expire, working orders fill or trigger on
 * the bar, positions are marked to its close, then the agents scan it and their orders are submitted. The same code
 * serves live trading, backfill and backtests; only the bars and the order source differ.
 */
public final class BarProcessor {

    private static final Logger LOG = Logger.getLogger(BarProcessor.class.getName());
    /**
     * A stopwatch that reads no time, for a processor whose broker time nobody reads (a backtest): four reads of the
     * clock a bar were a sixth of a backtest's own work per bar.
     */
    public static final LongSupplier UNTIMED = () -> 0L;

    private final Broker broker;
    private final BarClock clock;
    private final OrderSource orders;
    private final LongSupplier nanoTime;
    private CorporateActions corporateActions = CorporateActions.NONE;
    /** The broker's time over every bar processed (the scans left out), for the metrics. */
    private long brokerNanos;

    /** Measures the broker's time with {@link System#nanoTime()} (see {@link #brokerTime()}). */
    public BarProcessor(Broker broker, BarClock clock, OrderSource orders) {
        this(broker, clock, orders, System::nanoTime);
    }

    /** Measures the broker's time with {@code nanoTime} ({@link #UNTIMED}: not at all). */
    public BarProcessor(Broker broker, BarClock clock, OrderSource orders, LongSupplier nanoTime) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** The corporate actions to follow from now on (all known, applied or not: the broker applies each once). */
    public void follow(CorporateActions actions) {
        this.corporateActions = actions;
    }

    /**
     * Everything one bar changed, to be saved with the bars' cursor in one transaction (or dropped by a backtest). The
     * ticker's corporate actions effective by the bar's day that were not applied yet are applied first, at the bar's
     * start (its day's open): positions and orders in the broker, windows in the order source.
     */
    public BarChanges process(Bar bar, boolean tradable) {
        long started = nanoTime.getAsLong();
        List<BrokerChanges> changes = new ArrayList<>();
        for (CorporateAction action : corporateActions.effectiveBy(bar.ticker(), CorporateActions.tradingDay(bar.start()))) {
            BrokerChanges applied = broker.apply(action, bar.start());
            if (!applied.applied().isEmpty()) {
                changes.add(applied);
                if (action instanceof Split split) {
                    orders.split(split);
                }
            }
        }
        clock.advanceTo(bar.end());
        // Sessions closed before this bar (a ticker with no bar since); DAY orders of this bar's session may still fill on
        // it, the last bar included: the broker expires them after the bar.
        addUnlessEmpty(changes, broker.expireDayOrders(bar.start()));
        addUnlessEmpty(changes, broker.onBar(bar));
        long scanStarted = nanoTime.getAsLong();
        ScanOutcome scans = orders.ordersFor(bar, tradable, broker::position);
        long scanEnded = nanoTime.getAsLong();
        List<SubmitResult.Rejected> refused = new ArrayList<>();
        for (OrderRequest request : scans.orders()) {
            SubmitResult result = broker.submit(request);
            if (result instanceof SubmitResult.Rejected rejected) {
                // FINE: the refusal is counted and the latest are kept with their reason (the agent's and the Orders
                // page show them), and a bar event of a large universe or a backtest can refuse thousands.
                LOG.log(Level.FINE, "Order {0} rejected: {1}", new Object[]{rejected.order().id(), rejected.reason()});
                refused.add(rejected);
            } else if (result instanceof SubmitResult.Duplicate duplicate) {
                LOG.log(Level.FINE, "Order {0} exists already; not placed again", duplicate.orderId());
            }
            addUnlessEmpty(changes, result.changes());
        }
        brokerNanos += scanStarted - started + nanoTime.getAsLong() - scanEnded;
        return new BarChanges(changes, refused, scans);
    }

    private static void addUnlessEmpty(List<BrokerChanges> changes, BrokerChanges more) {
        if (!more.isEmpty()) {
            changes.add(more);
        }
    }

    /** The ticker's splits this broker has applied (a window warmed from raw bars is put on their basis). */
    public List<Split> appliedSplits(String ticker) {
        return corporateActions.of(ticker).stream()
                .filter(action -> action instanceof Split && broker.hasApplied(action))
                .map(Split.class::cast)
                .toList();
    }

    /** The broker's time (corporate actions, expiries, fills, order submission) over every bar processed so far; zero {@link #UNTIMED}. */
    public Duration brokerTime() {
        return Duration.ofNanos(brokerNanos);
    }

    public Broker broker() {
        return broker;
    }
}
