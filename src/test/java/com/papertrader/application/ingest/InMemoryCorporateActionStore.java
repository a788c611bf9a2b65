package com.papertrader.application.ingest;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link CorporateActionStore} in memory, by the same rule ({@link StoredActions#between}). */
public final class InMemoryCorporateActionStore implements CorporateActionStore {

    private final Map<String, KnownAction> known = new LinkedHashMap<>();

    @Override
    public StoredActions store(List<CorporateAction> fetched, Coverage covered, Instant receivedAt) {
        StoredActions stored = StoredActions.between(known, fetched, covered);
        stored.added().forEach(action -> known.put(action.key(), new KnownAction(action, receivedAt, null, null)));
        stored.corrected().forEach(action -> known.put(action.key(), new KnownAction(action, receivedAt(action), null, null)));
        stored.withdrawn().forEach(action -> known.put(action.key(), new KnownAction(action, receivedAt(action), null, receivedAt)));
        stored.refusedWithdrawals().forEach(action -> {
            KnownAction applied = known.get(action.key());
            known.put(action.key(), new KnownAction(action, applied.receivedAt(), applied.appliedAt(), receivedAt));
        });
        return stored;
    }

    private Instant receivedAt(CorporateAction action) {
        return known.get(action.key()).receivedAt();
    }

    @Override
    public List<KnownAction> all() {
        return known.values().stream().sorted(Comparator.comparing(k -> k.action().effectiveDate())).toList();
    }

    @Override
    public List<Split> appliedSplits(String ticker) {
        return all().stream().filter(known -> known.isApplied() && known.action() instanceof Split split && split.ticker().equals(ticker))
                .map(known -> (Split) known.action()).toList();
    }

    public void markApplied(String key, Instant at) {
        KnownAction stored = known.get(key);
        known.put(key, new KnownAction(stored.action(), stored.receivedAt(), at, stored.withdrawnAt()));
    }
}
