package com.papertrader.domain.trading.risk;

import java.util.List;
import java.util.Optional;

/** The standard rule list, in the order their reasons are reported; the first denial wins. */
public final class RiskRules {

    private RiskRules() {
    }

    public static List<RiskRule> standard() {
        return List.of(new KillSwitchRule(), new TradingHaltRule(), new DrawdownLockRule(), new CoolDownRule(),
                new PositionDirectionRule(), new PositiveQuantityRule(), new BracketRule(), new PyramidingRule(),
                new MaxOpenPositionsRule(), new MaxPositionSizeRule(), new BuyingPowerRule(), new FlattenWindowRule());
    }

    /** The first denial among {@code rules}, if any. */
    public static Optional<RiskDenial> firstDenial(List<RiskRule> rules, RiskCheck check) {
        for (RiskRule rule : rules) {
            Optional<String> reason = rule.check(check);
            if (reason.isPresent()) {
                return Optional.of(new RiskDenial(rule.name(), reason.get()));
            }
        }
        return Optional.empty();
    }
}
