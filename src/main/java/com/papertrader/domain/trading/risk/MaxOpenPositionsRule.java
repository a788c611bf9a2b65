package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** An entry in a new ticker is refused when the account already has (or is opening) the maximum number of positions. */
public final class MaxOpenPositionsRule implements RiskRule {

    @Override
    public String name() {
        return "max open positions";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        boolean newTicker = check.position().isEmpty() && !check.hasWorkingEntry(check.ticker());
        if (!check.isEntry() || !newTicker || check.openPositionCount() < check.limits().maxOpenPositions()) {
            return Optional.empty();
        }
        return Optional.of("account " + check.account().id() + " has " + check.openPositionCount()
                + " open positions, the maximum is " + check.limits().maxOpenPositions());
    }
}
