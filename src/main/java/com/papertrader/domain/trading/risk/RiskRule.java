package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** One pre-trade check. */
public interface RiskRule {

    /** The rule's name, as refusals are counted by it: stable across versions, since counts are stored under it. */
    String name();

    /** Why the order must be refused, or empty to let it pass. */
    Optional<String> check(RiskCheck check);
}
