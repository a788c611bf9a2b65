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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Collects what one broker call touches; entities are kept once each, in the order first touched. */
final class ChangeSet {

    private final Set<Order> orders = new LinkedHashSet<>();
    private final List<Order> placed = new ArrayList<>();
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Set<Position> positions = new LinkedHashSet<>();
    private final Set<Account> accounts = new LinkedHashSet<>();
    private final Map<String, EquitySnapshot> snapshots = new LinkedHashMap<>();
    private final List<CorporateAction> applied = new ArrayList<>();
    private final List<AccountHalt> halts = new ArrayList<>();

    /** A new order with all its events so far. */
    void created(Order order) {
        orders.add(order);
        placed.add(order);
        events.addAll(order.events());
    }

    void event(Order order, OrderEvent event) {
        orders.add(order);
        events.add(event);
    }

    void order(Order order) {
        orders.add(order);
    }

    void fill(Fill fill) {
        fills.add(fill);
    }

    void position(Position position) {
        positions.add(position);
    }

    void account(Account account) {
        accounts.add(account);
    }

    Set<Account> accounts() {
        return accounts;
    }

    void snapshot(EquitySnapshot snapshot) {
        snapshots.put(snapshot.id(), snapshot);
    }

    void applied(CorporateAction action) {
        applied.add(action);
    }

    void halted(AccountHalt halt) {
        halts.add(halt);
    }

    /** The changes, with the ledger entries the changed accounts made. */
    BrokerChanges build() {
        if (orders.isEmpty() && fills.isEmpty() && positions.isEmpty() && accounts.isEmpty() && snapshots.isEmpty()
                && applied.isEmpty() && halts.isEmpty()) {
            return BrokerChanges.NONE; // events and new orders come with an order, ledger entries with an account
        }
        List<LedgerEntry> ledger = accounts.stream().flatMap(account -> account.takeNewLedgerEntries().stream()).toList();
        return new BrokerChanges(List.copyOf(orders), events, fills, List.copyOf(positions), List.copyOf(accounts),
                List.copyOf(snapshots.values()), ledger, applied, placed, halts);
    }
}
