package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** An account locked at its agent's max drawdown takes no new entries until an admin releases it; exits stay allowed. */
public final class DrawdownLockRule implements RiskRule {

    @Override
    public String name() {
        return "drawdown lock";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        if (!check.isEntry() || !check.account().isLocked()) {
            return Optional.empty();
        }
        return Optional.of("account " + check.account().id() + " is locked since " + check.account().lockedAt() + ": "
                + check.account().lockReason() + "; an admin releases the lock");
    }
}
