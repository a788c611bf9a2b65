package com.papertrader.application.trading;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.risk.AccountHalt;
import java.util.List;

/**
 * A bar event's trading, saved: the orders it created or changed, the fills it made, the agents its scans stopped
 * (too many errors in a row) and the accounts it halted. Fired synchronously on the trading desk's thread, so observers
 * read the orders as saved, before the next bar can change them.
 */
public record TradingSaved(List<Order> orders, List<Fill> fills, List<Agent> agentsStopped, List<AccountHalt> halts) {

    public static final TradingSaved NOTHING = new TradingSaved(List.of(), List.of(), List.of(), List.of());

    public TradingSaved {
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        agentsStopped = List.copyOf(agentsStopped);
        halts = List.copyOf(halts);
    }

    public boolean isEmpty() {
        return orders.isEmpty() && fills.isEmpty() && agentsStopped.isEmpty() && halts.isEmpty();
    }
}
