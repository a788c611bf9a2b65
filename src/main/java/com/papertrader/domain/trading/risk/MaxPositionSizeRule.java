package com.papertrader.domain.trading.risk;

import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.portfolio.Position;
import java.math.BigDecimal;
import java.util.Optional;

/** The position after the entry (held shares plus the order) must stay within the share and notional limits. */
public final class MaxPositionSizeRule implements RiskRule {

    @Override
    public String name() {
        return "max position size";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        if (!check.isEntry()) {
            return Optional.empty();
        }
        long shares = check.quantity() + check.position().map(Position::quantity).orElse(0L);
        Long maxShares = check.limits().maxPositionShares();
        if (maxShares != null && shares > maxShares) {
            return Optional.of("position of " + shares + " " + check.ticker() + " would exceed the max of " + maxShares + " shares");
        }
        BigDecimal notional = Money.value(check.price(), shares);
        BigDecimal maxNotional = check.limits().maxPositionNotional();
        if (maxNotional != null && notional.compareTo(maxNotional) > 0) {
            return Optional.of("position of " + notional.toPlainString() + " in " + check.ticker()
                    + " would exceed the max notional of " + Money.cash(maxNotional).toPlainString());
        }
        return Optional.empty();
    }
}
