package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** An account halted for the day (max daily loss) takes no new entries; exits stay allowed. */
public final class TradingHaltRule implements RiskRule {

    @Override
    public String name() {
        return "trading halt";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        if (!check.isEntry() || !check.account().isHaltedOn(check.tradingDay())) {
            return Optional.empty();
        }
        return Optional.of("account " + check.account().id() + " is halted for " + check.tradingDay() + ": "
                + check.account().haltReason());
    }
}
