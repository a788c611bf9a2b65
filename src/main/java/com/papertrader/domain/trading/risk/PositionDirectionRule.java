package com.papertrader.domain.trading.risk;

import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.portfolio.PositionSide;
import java.util.Optional;

/**
 * Orders never cross through zero: an exit needs a position of its side at least as large as the order,
 * and an entry against an open position of the other side is refused (close it first).
 */
public final class PositionDirectionRule implements RiskRule {

    @Override
    public String name() {
        return "position direction";
    }

    @Override
    public Optional<String> check(RiskCheck check) {
        OrderSide side = check.request().side();
        PositionSide wanted = PositionSide.of(side);
        Optional<Position> held = check.position();
        if (side.isEntry()) {
            return held.filter(position -> position.side() != wanted)
                    .map(position -> "cannot " + side.label() + " " + check.ticker() + " while " + position.side()
                            + " " + position.quantity() + " shares: " + position.side().closingSide().label() + " first");
        }
        if (held.isEmpty() || held.get().side() != wanted) {
            return Optional.of("no " + wanted + " position in " + check.ticker() + " to " + side.label());
        }
        if (check.quantity() > held.get().quantity()) {
            return Optional.of(side.label() + " " + check.quantity() + " " + check.ticker() + " exceeds the " + wanted
                    + " position of " + held.get().quantity() + " shares (orders never cross through zero)");
        }
        return Optional.empty();
    }
}
