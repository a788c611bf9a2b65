package com.papertrader.domain.trading.risk;

import com.papertrader.domain.trading.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Bracket prices must make sense: only entries carry them; for a long entry the stop loss lies below the expected
 * entry price and the take profit above it, for a short entry the other way round.
 */
public final class BracketRule implements RiskRule {

    @Override
    public String name() {
        return "bracket";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        OrderRequest request = check.request();
        if (request.stopLoss() == null && request.takeProfit() == null) {
            return Optional.empty();
        }
        if (!check.isEntry()) {
            return Optional.of("stop loss and take profit apply to entries only, not to a " + request.side().label());
        }
        boolean isLong = request.side().isLong();
        BigDecimal entry = check.price();
        if (request.stopLoss() != null && (request.stopLoss().compareTo(entry) < 0) != isLong) {
            return Optional.of("stop loss " + request.stopLoss().toPlainString() + " must be " + (isLong ? "below" : "above")
                    + " the entry price " + entry.toPlainString() + " for a " + request.side().label());
        }
        if (request.takeProfit() != null && (request.takeProfit().compareTo(entry) > 0) != isLong) {
            return Optional.of("take profit " + request.takeProfit().toPlainString() + " must be " + (isLong ? "above" : "below")
                    + " the entry price " + entry.toPlainString() + " for a " + request.side().label());
        }
        return Optional.empty();
    }
}
