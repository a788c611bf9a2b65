package com.papertrader.application.ingest;

import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The port to the corporate actions known (table corporate_actions): each stored once, by its key. */
public interface CorporateActionStore {

    /**
     * Stores what a complete fetch of {@code covered} brought, by the rule of {@link StoredActions#between}: new actions
     * are added, known ones with other values corrected, known ones the source no longer lists withdrawn, in every case
     * only until applied (what was done to the accounts stays).
     */
    StoredActions store(List<CorporateAction> fetched, Coverage covered, Instant receivedAt);

    /** Every action known, withdrawn ones too, oldest effective date first. */
    List<KnownAction> all();

    /** The actions trading, backtests and charts follow: all but those withdrawn before they were applied. */
    default List<CorporateAction> inForce() {
        return all().stream().filter(KnownAction::isInForce).map(KnownAction::action).toList();
    }

    /**
     * The splits live trading has applied, oldest first: what a chart or the bar API adjusts stored bars by, so they
     * show what the scanner's windows show.
     */
    List<Split> appliedSplits(String ticker);

    /** What a fetch asked for: these tickers' actions effective on or after {@code from}. */
    record Coverage(Set<String> tickers, LocalDate from) {

        public Coverage {
            tickers = Set.copyOf(tickers);
            Objects.requireNonNull(from, "from");
        }

        public boolean covers(CorporateAction action) {
            return tickers.contains(action.ticker()) && !action.effectiveDate().isBefore(from);
        }
    }

    /**
     * @param appliedAt   the start of the bar at whose open live trading applied it; null while it has not been
     * @param withdrawnAt when the source stopped listing it; null while it lists it
     */
    record KnownAction(CorporateAction action, Instant receivedAt, Instant appliedAt, Instant withdrawnAt) {

        public boolean isApplied() {
            return appliedAt != null;
        }

        public boolean isWithdrawn() {
            return withdrawnAt != null;
        }

        /** Applied (a withdrawal after that changes nothing) or still listed by the source. */
        public boolean isInForce() {
            return isApplied() || !isWithdrawn();
        }
    }

    /**
     * What a {@link #store} changed: actions new, corrected (or listed again after a withdrawal), withdrawn, and the
     * corrections and withdrawals refused because the action was applied already.
     */
    record StoredActions(List<CorporateAction> added, List<CorporateAction> corrected, List<CorporateAction> withdrawn,
                         List<CorporateAction> refusedCorrections, List<CorporateAction> refusedWithdrawals) {

        public StoredActions {
            added = List.copyOf(added);
            corrected = List.copyOf(corrected);
            withdrawn = List.copyOf(withdrawn);
            refusedCorrections = List.copyOf(refusedCorrections);
            refusedWithdrawals = List.copyOf(refusedWithdrawals);
        }

        /** New, corrected or withdrawn actions: what trading must follow. */
        public boolean changedAnything() {
            return !added.isEmpty() || !corrected.isEmpty() || !withdrawn.isEmpty();
        }

        /**
         * The one rule every store follows. An action fetched is new when its key is unknown and a correction when the
         * known one differs or was withdrawn; a known action the fetch covers but did not bring is withdrawn. An
         * applied action is never changed: its correction or withdrawal is refused (and a withdrawal is recorded
         * once, so it is reported once).
         *
         * @param known   the stored actions the fetch covers, by key (others may be there too; they are ignored)
         * @param fetched everything a complete fetch of {@code covered} brought
         */
        public static StoredActions between(Map<String, KnownAction> known, List<CorporateAction> fetched, Coverage covered) {
            List<CorporateAction> added = new ArrayList<>();
            List<CorporateAction> corrected = new ArrayList<>();
            List<CorporateAction> withdrawn = new ArrayList<>();
            List<CorporateAction> refusedCorrections = new ArrayList<>();
            List<CorporateAction> refusedWithdrawals = new ArrayList<>();
            Set<String> listed = new HashSet<>();
            for (CorporateAction action : fetched) {
                listed.add(action.key());
                KnownAction stored = known.get(action.key());
                if (stored == null) {
                    added.add(action);
                } else if (stored.isApplied()) {
                    if (!stored.action().equals(action)) {
                        refusedCorrections.add(action);
                    }
                } else if (!stored.action().equals(action) || stored.isWithdrawn()) {
                    corrected.add(action);
                }
            }
            for (KnownAction stored : known.values()) {
                if (covered.covers(stored.action()) && !listed.contains(stored.action().key()) && !stored.isWithdrawn()) {
                    (stored.isApplied() ? refusedWithdrawals : withdrawn).add(stored.action());
                }
            }
            return new StoredActions(added, corrected, withdrawn, refusedCorrections, refusedWithdrawals);
        }
    }
}
