package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** No second entry in a ticker already held or with an entry working, unless the agent allows pyramiding. */
public final class PyramidingRule implements RiskRule {

    @Override
    public String name() {
        return "pyramiding";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        if (!check.isEntry() || check.limits().pyramiding()) {
            return Optional.empty();
        }
        if (check.position().isPresent()) {
            return Optional.of("account " + check.account().id() + " already holds " + check.ticker()
                    + " and pyramiding is not allowed");
        }
        if (check.hasWorkingEntry(check.ticker())) {
            return Optional.of("an entry order for " + check.ticker() + " is already working and pyramiding is not allowed");
        }
        return Optional.empty();
    }
}
