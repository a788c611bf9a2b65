package com.papertrader.domain.trading.order;

import com.papertrader.domain.trading.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent asks the broker for, built from one signal of one scan.
 * Size is {@code quantity} (shares) or {@code notional} (cash), or neither: then an entry is sized by the agent's
 * {@code RiskLimits.positionSizePercent} and an exit closes the whole position.
 * {@code stopLoss} / {@code takeProfit} are absolute prices of bracket legs (entries only; when absent the agent's
 * percent defaults apply); {@code trailingStop} makes the stop-loss leg a trailing stop instead (never with
 * {@code stopLoss}). {@code referencePrice} is the close of the bar that produced the signal: market orders
 * are sized and checked against it. A request that cannot be an order throws here, naming agent, ticker and field.
 *
 * @param accountId   the paper account to trade; null means the agent's own account (id = agent id)
 * @param barTime     start of the bar whose close produced the signal; the order can fill only on later bars
 * @param signalIndex position of the signal among those the scan returned for that bar
 * @param scriptHash  version of the script that produced the signal (nullable for manual orders)
 */
public record OrderRequest(String agentId, String accountId, String ticker, OrderSide side,
                           Long quantity, BigDecimal notional, OrderType type,
                           BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce timeInForce,
                           BigDecimal stopLoss, Trail trailingStop, BigDecimal takeProfit, BigDecimal referencePrice,
                           String reason, Instant barTime, int signalIndex, String scriptHash) {

    public OrderRequest {
        if (agentId == null || agentId.isBlank()) {
            throw new IllegalArgumentException("Order request for " + ticker + ": agent id is required");
        }
        accountId = accountId == null ? agentId : accountId;
        require(ticker != null && !ticker.isBlank(), agentId, ticker, "ticker is required");
        require(side != null, agentId, ticker, "side is required");
        require(type != null, agentId, ticker, "type is required");
        require(timeInForce != null, agentId, ticker, "time in force is required");
        require(barTime != null, agentId, ticker, "bar time is required");
        require(signalIndex >= 0, agentId, ticker, "signal index must not be negative");
        require(quantity == null || notional == null, agentId, ticker, "give quantity or notional, not both");
        require(quantity == null || quantity > 0, agentId, ticker, "quantity must be positive, was " + quantity);
        require(notional == null || notional.signum() > 0, agentId, ticker, "notional must be positive, was " + notional);
        require(referencePrice != null && referencePrice.signum() > 0, agentId, ticker,
                "reference price (the signal bar's close) must be positive, was " + referencePrice);
        require(stopLoss == null || stopLoss.signum() > 0, agentId, ticker, "stop loss must be positive, was " + stopLoss);
        require(takeProfit == null || takeProfit.signum() > 0, agentId, ticker, "take profit must be positive, was " + takeProfit);
        require(stopLoss == null || trailingStop == null, agentId, ticker, "give a stop loss or a trailing stop, not both");
        require(trailingStop == null || side.isEntry(), agentId, ticker, "a trailing stop belongs to an entry");
        Optional<String> priceProblem = type.priceProblem(limitPrice, stopPrice);
        require(priceProblem.isEmpty(), agentId, ticker, priceProblem.orElse(""));
        notional = notional == null ? null : Money.cash(notional);
        limitPrice = limitPrice == null ? null : Money.price(limitPrice);
        stopPrice = stopPrice == null ? null : Money.price(stopPrice);
        stopLoss = stopLoss == null ? null : Money.price(stopLoss);
        takeProfit = takeProfit == null ? null : Money.price(takeProfit);
        referencePrice = Money.price(referencePrice);
        reason = reason == null ? "" : reason;
    }

    public static Builder builder(String agentId, String ticker, OrderSide side, Instant barTime, BigDecimal referencePrice) {
        return new Builder(agentId, ticker, side, barTime, referencePrice);
    }

    /** The idempotency key: same agent, ticker, bar and signal index give the same id. */
    public OrderId orderId() {
        return OrderId.forSignal(agentId, ticker, barTime, signalIndex);
    }

    /** The price this order is expected to trade at, for sizing and buying power. */
    public BigDecimal expectedPrice() {
        return type.expectedPrice(limitPrice, stopPrice, referencePrice);
    }

    private static void require(boolean condition, String agentId, String ticker, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Order request of agent " + agentId + " for " + ticker + ": " + problem);
        }
    }

    /** Builds a request with defaults: market order, DAY, signal index 0, the agent's own account. */
    public static final class Builder {
        private final String agentId;
        private final String ticker;
        private final OrderSide side;
        private final Instant barTime;
        private final BigDecimal referencePrice;
        private String accountId;
        private Long quantity;
        private BigDecimal notional;
        private OrderType type = OrderType.MARKET;
        private BigDecimal limitPrice;
        private BigDecimal stopPrice;
        private TimeInForce timeInForce = TimeInForce.DAY;
        private BigDecimal stopLoss;
        private Trail trailingStop;
        private BigDecimal takeProfit;
        private String reason = "";
        private int signalIndex;
        private String scriptHash;

        private Builder(String agentId, String ticker, OrderSide side, Instant barTime, BigDecimal referencePrice) {
            this.agentId = agentId;
            this.ticker = ticker;
            this.side = side;
            this.barTime = Objects.requireNonNull(barTime, "barTime");
            this.referencePrice = referencePrice;
        }

        public Builder account(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder quantity(long quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder notional(BigDecimal notional) {
            this.notional = notional;
            return this;
        }

        public Builder limit(BigDecimal limitPrice) {
            this.type = OrderType.LIMIT;
            this.limitPrice = limitPrice;
            return this;
        }

        public Builder stop(BigDecimal stopPrice) {
            this.type = OrderType.STOP;
            this.stopPrice = stopPrice;
            return this;
        }

        public Builder stopLimit(BigDecimal stopPrice, BigDecimal limitPrice) {
            this.type = OrderType.STOP_LIMIT;
            this.stopPrice = stopPrice;
            this.limitPrice = limitPrice;
            return this;
        }

        public Builder timeInForce(TimeInForce timeInForce) {
            this.timeInForce = timeInForce;
            return this;
        }

        public Builder stopLoss(BigDecimal stopLoss) {
            this.stopLoss = stopLoss;
            return this;
        }

        public Builder trailingStop(Trail trailingStop) {
            this.trailingStop = trailingStop;
            return this;
        }

        public Builder takeProfit(BigDecimal takeProfit) {
            this.takeProfit = takeProfit;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder signalIndex(int signalIndex) {
            this.signalIndex = signalIndex;
            return this;
        }

        public Builder scriptHash(String scriptHash) {
            this.scriptHash = scriptHash;
            return this;
        }

        public OrderRequest build() {
            return new OrderRequest(agentId, accountId, ticker, side, quantity, notional, type, limitPrice, stopPrice,
                    timeInForce, stopLoss, trailingStop, takeProfit, referencePrice, reason, barTime, signalIndex, scriptHash);
        }
    }
}
