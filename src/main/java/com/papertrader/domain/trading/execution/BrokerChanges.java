package com.papertrader.domain.trading.execution;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderEvent;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.risk.AccountHalt;
import java.util.List;

/**
 * What one broker call changed, to be saved in one transaction. Every entity has a domain-assigned id. {@code orders}
 * are all the orders the call touched, {@code placed} those of them it created: a store inserts these (the primary
 * key, the client order id, refuses a second one) and updates the others, inserting their new {@code events}, which
 * also go to listeners (audit log, server-sent events). {@code fills} and {@code ledger} (the accounts' new cash
 * movements) are new rows; {@code positions} may be new or changed; {@code applied} are the corporate actions applied
 * (to be marked so, in the same transaction); {@code halts} the accounts that stopped taking entries in this call.
 */
public record BrokerChanges(List<Order> orders, List<OrderEvent> events, List<Fill> fills, List<Position> positions,
                            List<Account> accounts, List<EquitySnapshot> snapshots, List<LedgerEntry> ledger,
                            List<CorporateAction> applied, List<Order> placed, List<AccountHalt> halts) {

    public static final BrokerChanges NONE = new BrokerChanges(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());

    public BrokerChanges {
        orders = List.copyOf(orders);
        events = List.copyOf(events);
        fills = List.copyOf(fills);
        positions = List.copyOf(positions);
        accounts = List.copyOf(accounts);
        snapshots = List.copyOf(snapshots);
        ledger = List.copyOf(ledger);
        applied = List.copyOf(applied);
        placed = List.copyOf(placed);
        halts = List.copyOf(halts);
    }

    /** These changes without their orders and the orders' events: what a refused order counted but not kept still changed. */
    public BrokerChanges withoutOrders() {
        return new BrokerChanges(List.of(), List.of(), fills, positions, accounts, snapshots, ledger, applied, List.of(), halts);
    }

    public boolean isEmpty() {
        return orders.isEmpty() && fills.isEmpty() && positions.isEmpty() && accounts.isEmpty() && snapshots.isEmpty()
                && applied.isEmpty() && halts.isEmpty();
    }
}
