package com.papertrader.application.trading;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.OpenPosition;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.order.Trail;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.portfolio.PositionSide;
import com.papertrader.domain.trading.risk.RiskLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The one place where an agent's signal becomes an order request and an agent's risk settings become the broker's
 * risk limits. An entry without a size gets the agent's position notional; an exit without a size closes what is held.
 */
public final class SignalOrders {

    private SignalOrders() {
    }

    /**
     * @param index    the signal's position among those the scan returned for this bar (part of the client order id)
     * @param position the agent's open position in the bar's ticker, if any
     * @return empty for an exit with nothing to exit
     */
    public static Optional<OrderRequest> toRequest(Agent agent, Bar bar, int index, Signal signal, Optional<Position> position) {
        Optional<OrderSide> side = side(signal.action(), position);
        if (side.isEmpty()) {
            return Optional.empty();
        }
        OrderRequest.Builder request = OrderRequest.builder(agent.getId().value(), bar.ticker(), side.get(), bar.start(), bar.close())
                .account(agent.getAccountId())
                .signalIndex(index)
                .scriptHash(agent.getScriptHash())
                .reason(signal.reason())
                .timeInForce(signal.timeInForce() == Signal.TimeInForce.GTC ? TimeInForce.GTC : TimeInForce.DAY);
        if (signal.quantity() != null) {
            request.quantity(signal.quantity().setScale(0, RoundingMode.DOWN).longValueExact());
        } else if (signal.notional() != null) {
            request.notional(signal.notional());
        } else if (side.get().isEntry()) {
            request.notional(agent.getRisk().getPositionNotional());
        } else {
            request.quantity(position.map(Position::quantity).orElse(0L));
        }
        switch (signal.orderType() == null ? Signal.OrderType.MARKET : signal.orderType()) {
            case LIMIT -> request.limit(signal.limitPrice());
            case STOP -> request.stop(signal.stopPrice());
            case STOP_LIMIT -> request.stopLimit(signal.stopPrice(), signal.limitPrice());
            case MARKET -> { }
        }
        if (signal.stopLoss() != null) {
            request.stopLoss(signal.stopLoss());
        }
        if (signal.trailStopPercent() != null || signal.trailStopAmount() != null) {
            request.trailingStop(new Trail(signal.trailStopPercent(), signal.trailStopAmount()));
        }
        if (signal.takeProfit() != null) {
            request.takeProfit(signal.takeProfit());
        }
        return Optional.of(request.build());
    }

    /** The agent's settings over the engine's defaults for the limits an agent does not set. */
    public static RiskLimits limits(AgentRiskSettings risk) {
        RiskLimits defaults = RiskLimits.DEFAULTS;
        return new RiskLimits(defaults.positionSizePercent(), risk.getMaxOpenPositions(), defaults.maxPositionShares(),
                defaults.maxPositionNotional().max(risk.getPositionNotional()), risk.isAllowPyramiding(),
                risk.getMaxDailyLoss(), risk.getStopLossPercent(), risk.getTakeProfitPercent(),
                risk.getFlattenMinutesBeforeClose(), risk.getCoolDownAfterLosses(), risk.getMaxDrawdownPercent());
    }

    /** What a script sees of a broker position. */
    public static OpenPosition scriptView(Position position) {
        return new OpenPosition(position.side() == PositionSide.LONG ? OpenPosition.Side.LONG : OpenPosition.Side.SHORT,
                BigDecimal.valueOf(position.quantity()), position.averagePrice());
    }

    private static Optional<OrderSide> side(Signal.Action action, Optional<Position> position) {
        return switch (action) {
            case BUY -> Optional.of(OrderSide.BUY);
            case SELL -> Optional.of(OrderSide.SELL);
            case SHORT -> Optional.of(OrderSide.SELL_SHORT);
            case COVER -> Optional.of(OrderSide.BUY_TO_COVER);
            case EXIT -> position.filter(Position::isOpen)
                    .map(held -> held.side() == PositionSide.LONG ? OrderSide.SELL : OrderSide.BUY_TO_COVER);
        };
    }
}
