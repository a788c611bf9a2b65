package com.papertrader.application.trading;

import com.papertrader.domain.trading.execution.BrokerChanges;
import java.util.List;

/**
 * Everything one closed bar changed: the broker's changes (orders, fills, positions, accounts, equity points), and
 * what its scans left to keep.
 */
public record BarChanges(List<BrokerChanges> broker, ScanOutcome scans) {

    public BarChanges {
        broker = List.copyOf(broker);
    }
}
