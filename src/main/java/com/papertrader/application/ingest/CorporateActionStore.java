package com.papertrader.application.ingest;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import java.time.Instant;
import java.util.List;

/** The port to the corporate actions known (table corporate_actions): each stored once, by its key. */
public interface CorporateActionStore {

    /**
     * Stores the actions not known yet and corrects those known with other values that have not been applied; an
     * applied action is never changed (its correction is refused: what was done to the accounts stays).
     */
    StoredActions store(List<CorporateAction> actions, Instant receivedAt);

    /** Every action known, oldest effective date first. */
    List<KnownAction> all();

    /**
     * The splits live trading has applied, oldest first: what a chart or the bar API adjusts stored bars by, so they
     * show what the scanner's windows show.
     */
    List<Split> appliedSplits(String ticker);

    /**
     * @param appliedAt the start of the bar at whose open live trading applied it; null while it has not been
     */
    record KnownAction(CorporateAction action, Instant receivedAt, Instant appliedAt) {
        public boolean isApplied() {
            return appliedAt != null;
        }
    }

    /** What a {@link #store} changed: actions new, corrected, and corrections refused because they were applied. */
    record StoredActions(List<CorporateAction> added, List<CorporateAction> corrected, List<CorporateAction> refused) {

        public StoredActions {
            added = List.copyOf(added);
            corrected = List.copyOf(corrected);
            refused = List.copyOf(refused);
        }

        public boolean changedAnything() {
            return !added.isEmpty() || !corrected.isEmpty();
        }
    }
}
