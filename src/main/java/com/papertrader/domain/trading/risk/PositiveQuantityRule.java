package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** An order sized to nothing (a notional below one share's price) is refused. */
public final class PositiveQuantityRule implements RiskRule {

    @Override
    public String name() {
        return "positive quantity";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        return check.quantity() > 0 ? Optional.empty()
                : Optional.of("order size resolves to 0 shares of " + check.ticker() + " at " + check.price().toPlainString());
    }
}
