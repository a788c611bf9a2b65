package com.papertrader.domain.trading.risk;

import java.util.Optional;

/** The global kill switch refuses every new entry; exits stay allowed so positions can be closed. */
public final class KillSwitchRule implements RiskRule {

    @Override
    public String name() {
        return "kill switch";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        return check.isEntry() && check.killSwitchEngaged()
                ? Optional.of("kill switch engaged: new entries are refused")
                : Optional.empty();
    }
}
