package com.papertrader.application.trading;

import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.SubmitResult;
import java.util.List;

/**
 * Everything one closed bar changed: the broker's changes (orders, fills, positions, accounts, equity points), and
 * what its scans left to keep. {@code refused} are the orders risk rules refused, whose changes are among {@code broker}.
 */
public record BarChanges(List<BrokerChanges> broker, List<SubmitResult.Rejected> refused, ScanOutcome scans) {

    public BarChanges {
        broker = List.copyOf(broker);
        refused = List.copyOf(refused);
    }
}
