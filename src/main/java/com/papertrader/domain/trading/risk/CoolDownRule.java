package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** After its limit of losing round trips in a row on a trading day, an agent opens nothing more that day; exits go on. */
public final class CoolDownRule implements RiskRule {

    @Override
    public String name() {
        return "cool-down";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        Integer limit = check.limits().coolDownAfterLosses();
        return check.isEntry() && limit != null && check.lossesInARowToday() >= limit
                ? Optional.of("cool-down: " + check.lossesInARowToday() + " losing trades in a row today (limit " + limit
                        + "); no new entries until the next trading day")
                : Optional.empty();
    }
}
