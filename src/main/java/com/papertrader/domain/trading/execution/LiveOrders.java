package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.order.Order;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker's orders that can still change (held bracket legs and working orders), in the order they were booked,
 * found by id, by ticker or by account: a bar's work touches its ticker's orders only, so its cost does not grow with
 * the number of tickers followed. Terminal orders are forgotten by {@link #forgetFinished()} (or per ticker).
 */
final class LiveOrders {

    private final Map<String, Order> byId = new LinkedHashMap<>();
    private final Map<String, Map<String, Order>> byTicker = new HashMap<>();
    private final Map<String, Map<String, Order>> byAccount = new HashMap<>();
    /** No DAY order expires before this (it may be earlier than the earliest: then a full pass finds nothing). */
    private Instant earliestExpiry;

    void add(Order order) {
        byId.put(order.id(), order);
        byTicker.computeIfAbsent(order.ticker(), ticker -> new LinkedHashMap<>()).put(order.id(), order);
        byAccount.computeIfAbsent(order.accountId(), account -> new LinkedHashMap<>()).put(order.id(), order);
        if (order.expiresAt() != null && (earliestExpiry == null || order.expiresAt().isBefore(earliestExpiry))) {
            earliestExpiry = order.expiresAt();
        }
    }

    Order get(String id) {
        return byId.get(id);
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    Collection<Order> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    /** Whether the ticker has orders here (each ticker's map is dropped when its last order is forgotten). */
    boolean hasTicker(String ticker) {
        return byTicker.containsKey(ticker);
    }

    Collection<Order> ofTicker(String ticker) {
        return Collections.unmodifiableCollection(byTicker.getOrDefault(ticker, Map.of()).values());
    }

    Collection<Order> ofAccount(String accountId) {
        return Collections.unmodifiableCollection(byAccount.getOrDefault(accountId, Map.of()).values());
    }

    /** Whether a DAY order may have expired by {@code until}: when not, a pass over all orders can be skipped. */
    boolean mayExpireBy(Instant until) {
        return earliestExpiry != null && !earliestExpiry.isAfter(until);
    }

    /** Forgets every terminal order. */
    void forgetFinished() {
        byId.values().removeIf(order -> order.status().isTerminal());
        byTicker.values().forEach(orders -> orders.values().removeIf(order -> order.status().isTerminal()));
        byAccount.values().forEach(orders -> orders.values().removeIf(order -> order.status().isTerminal()));
        byTicker.values().removeIf(Map::isEmpty);
        byAccount.values().removeIf(Map::isEmpty);
        earliestExpiry = byId.values().stream().map(Order::expiresAt).filter(at -> at != null).min(Instant::compareTo).orElse(null);
    }

    /** Forgets the ticker's terminal orders (the only ones a bar of the ticker can have finished). */
    void forgetFinished(String ticker) {
        Map<String, Order> orders = byTicker.get(ticker);
        if (orders == null) {
            return;
        }
        for (var entries = orders.values().iterator(); entries.hasNext(); ) {
            Order order = entries.next();
            if (order.status().isTerminal()) {
                entries.remove();
                byId.remove(order.id());
                Map<String, Order> ofAccount = byAccount.get(order.accountId());
                ofAccount.remove(order.id());
                if (ofAccount.isEmpty()) {
                    byAccount.remove(order.accountId());
                }
            }
        }
        if (orders.isEmpty()) {
            byTicker.remove(ticker);
        }
    }
}
