package com.papertrader.domain.trading.risk;

import java.math.BigDecimal;
import java.util.Optional;

/** An entry needs buying power for its value plus commission, after what working entries already reserve. */
public final class BuyingPowerRule implements RiskRule {

    @Override
    public String name() {
        return "buying power";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        if (!check.isEntry()) {
            return Optional.empty();
        }
        BigDecimal needed = check.notional().add(check.estimatedCommission());
        BigDecimal available = check.account().buyingPower().subtract(check.reservedBuyingPower());
        if (needed.compareTo(available) <= 0) {
            return Optional.empty();
        }
        return Optional.of("needs buying power of " + needed.toPlainString() + " but account " + check.account().id()
                + " has " + available.toPlainString() + " available");
    }
}
