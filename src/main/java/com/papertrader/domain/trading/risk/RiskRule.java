package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** One pre-trade check. */
@FunctionalInterface
public interface RiskRule {

    /** Why the order must be refused, or empty to let it pass. */
    Optional<String> check(RiskCheck check);
}
