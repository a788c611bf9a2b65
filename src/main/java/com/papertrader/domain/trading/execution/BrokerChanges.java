package com.papertrader.domain.trading.execution;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderEvent;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import com.papertrader.domain.trading.portfolio.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * What one broker call changed, to be saved in one transaction. Every entity has a domain-assigned id, so saving
 * is {@code merge} of {@link #entitiesToSave()} (new ones are inserted, known ones updated; order events cascade
 * from their order); {@link #newRows()} are those known to be new, which a store need not look up first. {@code events}
 * repeats the new order events for listeners (audit log, server-sent events). {@code ledger} holds the accounts' new
 * cash movements, {@code applied} the corporate actions applied (to be marked so, in the same transaction).
 */
public record BrokerChanges(List<Order> orders, List<OrderEvent> events, List<Fill> fills, List<Position> positions,
                            List<Account> accounts, List<EquitySnapshot> snapshots, List<LedgerEntry> ledger,
                            List<CorporateAction> applied) {

    public static final BrokerChanges NONE = new BrokerChanges(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of());

    public BrokerChanges {
        orders = List.copyOf(orders);
        events = List.copyOf(events);
        fills = List.copyOf(fills);
        positions = List.copyOf(positions);
        accounts = List.copyOf(accounts);
        snapshots = List.copyOf(snapshots);
        ledger = List.copyOf(ledger);
        applied = List.copyOf(applied);
    }

    public boolean isEmpty() {
        return orders.isEmpty() && fills.isEmpty() && positions.isEmpty() && accounts.isEmpty() && snapshots.isEmpty()
                && applied.isEmpty();
    }

    /** What this call created and nothing stored yet: the new order events, fills and ledger entries. */
    public List<Object> newRows() {
        List<Object> rows = new ArrayList<>(events);
        rows.addAll(fills);
        rows.addAll(ledger);
        return rows;
    }

    /** Accounts, orders (with their events), fills, positions, snapshots and ledger entries, in that order. */
    public List<Object> entitiesToSave() {
        List<Object> entities = new ArrayList<>(accounts);
        entities.addAll(orders);
        entities.addAll(fills);
        entities.addAll(positions);
        entities.addAll(snapshots);
        entities.addAll(ledger);
        return entities;
    }
}
