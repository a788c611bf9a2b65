package com.papertrader.application.trading;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The newest {@code limit} items of each key, in the order added: adding past the limit drops the key's oldest. */
final class NewestPerKey<K, T> {

    private final int limit;
    private final Map<K, Deque<T>> items = new LinkedHashMap<>();

    NewestPerKey(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the number of items kept must not be negative: " + limit);
        }
        this.limit = limit;
    }

    /** @return the item dropped to make room, if any ({@code item} itself when the limit is 0) */
    Optional<T> add(K key, T item) {
        Deque<T> newest = items.computeIfAbsent(key, k -> new ArrayDeque<>());
        newest.addLast(item);
        return newest.size() > limit ? Optional.of(newest.removeFirst()) : Optional.empty();
    }

    /** Every item kept, key by key, each key's in the order added. */
    List<T> kept() {
        List<T> kept = new ArrayList<>();
        items.values().forEach(kept::addAll);
        return kept;
    }

    int limit() {
        return limit;
    }
}
