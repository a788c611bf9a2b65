package com.papertrader.application.ingest;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link CorporateActionStore} in memory, with the same rules: by key, corrections only until applied. */
public final class InMemoryCorporateActionStore implements CorporateActionStore {

    private final Map<String, KnownAction> known = new LinkedHashMap<>();

    @Override
    public StoredActions store(List<CorporateAction> actions, Instant receivedAt) {
        List<CorporateAction> added = new ArrayList<>();
        List<CorporateAction> corrected = new ArrayList<>();
        List<CorporateAction> refused = new ArrayList<>();
        for (CorporateAction action : actions) {
            KnownAction stored = known.get(action.key());
            if (stored == null) {
                added.add(action);
                known.put(action.key(), new KnownAction(action, receivedAt, null));
            } else if (!stored.action().equals(action)) {
                if (stored.isApplied()) {
                    refused.add(action);
                } else {
                    corrected.add(action);
                    known.put(action.key(), new KnownAction(action, stored.receivedAt(), null));
                }
            }
        }
        return new StoredActions(added, corrected, refused);
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
        known.put(key, new KnownAction(stored.action(), stored.receivedAt(), at));
    }
}
