package com.papertrader.application.ingest;

import com.papertrader.application.ingest.CorporateActionStore.StoredActions;

/** Corporate actions were stored or corrected: live trading follows them from the next bar of their tickers. */
public record CorporateActionsStored(StoredActions stored) {
}
