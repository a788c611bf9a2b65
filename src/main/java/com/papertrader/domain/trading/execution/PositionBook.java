package com.papertrader.domain.trading.execution;

import com.papertrader.domain.trading.portfolio.Position;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broker's open positions, one per (account, ticker), in the order they were opened, found by ticker or by
 * account: a bar marks its ticker's positions and revalues their accounts without going through every other one.
 */
final class PositionBook {

    private record Key(String accountId, String ticker) {
    }

    private final Map<Key, Position> byKey = new LinkedHashMap<>();
    private final Map<String, Map<String, Position>> byTicker = new HashMap<>();
    private final Map<String, Map<String, Position>> byAccount = new HashMap<>();

    Position get(String accountId, String ticker) {
        return byKey.get(new Key(accountId, ticker));
    }

    void put(Position position) {
        byKey.put(new Key(position.accountId(), position.ticker()), position);
        byTicker.computeIfAbsent(position.ticker(), ticker -> new LinkedHashMap<>()).put(position.accountId(), position);
        byAccount.computeIfAbsent(position.accountId(), account -> new LinkedHashMap<>()).put(position.ticker(), position);
    }

    void remove(Position position) {
        byKey.remove(new Key(position.accountId(), position.ticker()));
        removeFrom(byTicker, position.ticker(), position.accountId());
        removeFrom(byAccount, position.accountId(), position.ticker());
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    Collection<Position> all() {
        return Collections.unmodifiableCollection(byKey.values());
    }

    /** Whether the ticker has open positions here (each ticker's map is dropped with its last position). */
    boolean hasTicker(String ticker) {
        return byTicker.containsKey(ticker);
    }

    /** The ticker's positions, in the order they were opened. */
    Collection<Position> ofTicker(String ticker) {
        return Collections.unmodifiableCollection(byTicker.getOrDefault(ticker, Map.of()).values());
    }

    /** The account's positions by ticker. */
    Map<String, Position> ofAccount(String accountId) {
        return Collections.unmodifiableMap(byAccount.getOrDefault(accountId, Map.of()));
    }

    private static void removeFrom(Map<String, Map<String, Position>> index, String outer, String inner) {
        Map<String, Position> positions = index.get(outer);
        if (positions != null) {
            positions.remove(inner);
            if (positions.isEmpty()) {
                index.remove(outer);
            }
        }
    }
}
