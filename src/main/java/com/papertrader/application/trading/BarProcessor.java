package com.papertrader.application.trading;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.SubmitResult;
import com.papertrader.domain.trading.order.OrderRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One closed bar through the paper broker: DAY orders past their close expire, working orders fill or trigger on
 * the bar, positions are marked to its close, then the agents scan it and their orders are submitted. The same code
 * serves live trading, backfill and backtests; only the bars and the order source differ.
 */
public final class BarProcessor {

    private static final Logger LOG = Logger.getLogger(BarProcessor.class.getName());

    private final Broker broker;
    private final BarClock clock;
    private final OrderSource orders;

    public BarProcessor(Broker broker, BarClock clock, OrderSource orders) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    /** Everything one bar changed, to be saved with the bars' cursor in one transaction (or dropped by a backtest). */
    public BarChanges process(Bar bar, boolean tradable) {
        clock.advanceTo(bar.end());
        List<BrokerChanges> changes = new ArrayList<>();
        changes.add(broker.expireDayOrders(bar.end()));
        changes.add(broker.onBar(bar));
        ScanOutcome scans = orders.ordersFor(bar, tradable, broker::position);
        for (OrderRequest request : scans.orders()) {
            SubmitResult result = broker.submit(request);
            if (result instanceof SubmitResult.Rejected rejected) {
                // FINE: the rejection is saved on the order with its reason (the Orders page shows it), and a
                // backtest can reject thousands.
                LOG.log(Level.FINE, "Order {0} rejected: {1}", new Object[]{rejected.order().id(), rejected.reason()});
            } else if (result instanceof SubmitResult.Duplicate duplicate) {
                LOG.log(Level.FINE, "Order {0} exists already; not placed again", duplicate.orderId());
            }
            changes.add(result.changes());
        }
        changes.removeIf(BrokerChanges::isEmpty);
        return new BarChanges(changes, scans);
    }

    public Broker broker() {
        return broker;
    }
}
