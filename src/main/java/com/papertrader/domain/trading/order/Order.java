package com.papertrader.domain.trading.order;

import com.papertrader.domain.market.Split;
import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.PriceColumn;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A paper order. Its id is the {@link OrderId}, so the primary key is the idempotency key.
 * Status changes only through the intention-revealing methods below, each checked against the transition table
 * in {@link OrderStatus} and recorded as an immutable {@link OrderEvent} (time, cause, fill details).
 * Bracket legs point to their parent by id and stay NEW until the parent fills.
 */
@Entity
@Table(name = "orders")
@NamedQuery(name = Order.FIND_WORKING,
        query = "select distinct o from Order o left join fetch o.events where o.status in ("
                + "com.papertrader.domain.trading.order.OrderStatus.NEW, "
                + "com.papertrader.domain.trading.order.OrderStatus.ACCEPTED, "
                + "com.papertrader.domain.trading.order.OrderStatus.PARTIALLY_FILLED)")
public class Order {

    /** Orders that can still change (held legs included), with their events: what a restarted broker needs. */
    public static final String FIND_WORKING = "Order.findWorking";

    @Id
    @Column(length = 200)
    private String id;
    @Column(nullable = false)
    private String agentId;
    @Column(nullable = false)
    private String accountId;
    @Column(nullable = false, length = 16)
    private String ticker;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderSide side;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private TimeInForce timeInForce;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderRole role;
    @Column(length = 200)
    private String parentId;
    private long quantity;
    private long filledQuantity;
    @Convert(converter = PriceColumn.class)
    private BigDecimal limitPrice;
    @Convert(converter = PriceColumn.class)
    private BigDecimal stopPrice;
    @Convert(converter = PriceColumn.class)
    @Column(nullable = false)
    private BigDecimal referencePrice;
    /** A trailing stop's trail (one of the two), and the best price since its entry filled: the stop follows it. */
    @Column(precision = 9, scale = 4)
    private BigDecimal trailPercent;
    @Convert(converter = PriceColumn.class)
    private BigDecimal trailAmount;
    @Convert(converter = PriceColumn.class)
    private BigDecimal bestPrice;
    @Convert(converter = PriceColumn.class)
    private BigDecimal averageFillPrice;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal commission;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderStatus status;
    @Column(nullable = false, length = 1000)
    private String reason;
    @Column(length = 128)
    private String scriptHash;
    @Column(nullable = false)
    private Instant barTime;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant activeAfter;
    private Instant expiresAt;
    private Instant triggeredAt;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sequence")
    private List<OrderEvent> events = new ArrayList<>();

    protected Order() {
        // for JPA
    }

    private Order(OrderId id, String agentId, String accountId, String ticker, OrderSide side, OrderType type,
                  TimeInForce timeInForce, OrderRole role, String parentId, long quantity,
                  BigDecimal limitPrice, BigDecimal stopPrice, BigDecimal referencePrice,
                  String reason, String scriptHash, Instant barTime, Instant expiresAt, Instant createdAt, String cause) {
        this.id = Objects.requireNonNull(id, "id").value();
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.side = Objects.requireNonNull(side, "side");
        this.type = Objects.requireNonNull(type, "type");
        this.timeInForce = Objects.requireNonNull(timeInForce, "timeInForce");
        this.role = Objects.requireNonNull(role, "role");
        this.parentId = parentId;
        this.referencePrice = Money.price(Objects.requireNonNull(referencePrice, "referencePrice"));
        this.reason = reason == null ? "" : reason;
        this.scriptHash = scriptHash;
        this.barTime = Objects.requireNonNull(barTime, "barTime");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.activeAfter = barTime;
        this.expiresAt = expiresAt;
        if (quantity < 0) {
            throw new IllegalArgumentException("Order " + this.id + ": quantity must not be negative, was " + quantity);
        }
        if (role.isBracketLeg() != (parentId != null)) {
            throw new IllegalArgumentException("Order " + this.id + ": bracket legs, and only they, have a parent");
        }
        if ((timeInForce == TimeInForce.DAY) != (expiresAt != null)) {
            throw new IllegalArgumentException("Order " + this.id + ": DAY orders, and only they, have an expiry time");
        }
        type.priceProblem(limitPrice, stopPrice).ifPresent(problem -> {
            throw new IllegalArgumentException("Order " + this.id + ": " + problem);
        });
        this.quantity = quantity;
        this.limitPrice = limitPrice == null ? null : Money.price(limitPrice);
        this.stopPrice = stopPrice == null ? null : Money.price(stopPrice);
        this.commission = Money.ZERO;
        this.status = OrderStatus.NEW;
        this.events.add(new OrderEvent(this, 1, null, OrderStatus.NEW, cause, createdAt, createdAt, null, null));
    }

    /**
     * A NEW order for a request, sized by the broker ({@code quantity} 0 when sizing failed: it will be rejected).
     *
     * @param expiresAt the close of the session a DAY order is good for; null for GTC
     */
    public static Order fromRequest(OrderRequest request, long quantity, Instant expiresAt, Instant now) {
        String cause = "submitted: " + request.side().label() + " " + quantity + " " + request.ticker() + " " + request.type()
                + (request.reason().isEmpty() ? "" : " (" + request.reason() + ")");
        return new Order(request.orderId(), request.agentId(), request.accountId(), request.ticker(), request.side(),
                request.type(), request.timeInForce(), OrderRole.SIGNAL, null, quantity, request.limitPrice(),
                request.stopPrice(), request.referencePrice(), request.reason(), request.scriptHash(),
                request.barTime(), expiresAt, now, cause);
    }

    /**
     * A bracket leg of this entry, held (NEW) until this order fills: a stop order at {@code price} for the stop loss,
     * a limit order at {@code price} for the take profit. Legs are GTC and sized when activated.
     */
    public Order bracketLeg(OrderRole role, BigDecimal price, Instant now) {
        if (!side.isEntry()) {
            throw new IllegalStateException("Order " + id + " is an exit; only entries carry brackets");
        }
        boolean stopLoss = role == OrderRole.STOP_LOSS;
        String legReason = (stopLoss ? "stop loss" : "take profit") + " at " + Money.price(price).toPlainString() + " for " + id;
        return new Order(orderId().forLeg(role), agentId, accountId, ticker, side.closingSide(),
                stopLoss ? OrderType.STOP : OrderType.LIMIT, TimeInForce.GTC, role, id, quantity,
                stopLoss ? null : price, stopLoss ? price : null, price, legReason, scriptHash, barTime, null, now,
                "held until " + id + " fills");
    }

    /**
     * A trailing stop leg of this entry, held (NEW) until this order fills, GTC and sized when activated. Until then
     * its stop trails from {@code expectedEntryPrice}; at the fill it starts from the fill price ({@link #startTrailing}).
     */
    public Order trailingStopLeg(Trail trail, BigDecimal expectedEntryPrice, Instant now) {
        if (!side.isEntry()) {
            throw new IllegalStateException("Order " + id + " is an exit; only entries carry brackets");
        }
        OrderSide closing = side.closingSide();
        BigDecimal stop = trail.stopFrom(expectedEntryPrice, !closing.isBuy());
        Order leg = new Order(orderId().forLeg(OrderRole.STOP_LOSS), agentId, accountId, ticker, closing, OrderType.TRAILING_STOP,
                TimeInForce.GTC, OrderRole.STOP_LOSS, id, quantity, null, stop, expectedEntryPrice,
                "trailing stop " + trail.describe() + " for " + id, scriptHash, barTime, null, now, "held until " + id + " fills");
        leg.trailPercent = trail.percent();
        leg.trailAmount = trail.amount();
        leg.bestPrice = Money.price(expectedEntryPrice);
        return leg;
    }

    /** A trailing stop's trail from the price its entry filled at: the best price so far. */
    public void startTrailing(BigDecimal entryPrice) {
        requireTrailing();
        bestPrice = Money.price(entryPrice);
        stopPrice = trail().orElseThrow().stopFrom(bestPrice, !side.isBuy());
    }

    /**
     * Moves a trailing stop after a bar it did not fill on: the best price since the entry takes the bar's high (a sell
     * stop under a long) or low (a buy stop over a short), and the stop follows at the trail, never back.
     *
     * @return whether the best price or the stop moved
     */
    public boolean trail(BigDecimal barHigh, BigDecimal barLow) {
        requireTrailing();
        boolean sellStop = !side.isBuy();
        BigDecimal best = sellStop ? bestPrice.max(Money.price(barHigh)) : bestPrice.min(Money.price(barLow));
        BigDecimal followed = trail().orElseThrow().stopFrom(best, sellStop);
        BigDecimal stop = sellStop ? stopPrice.max(followed) : stopPrice.min(followed);
        boolean moved = best.compareTo(bestPrice) != 0 || stop.compareTo(stopPrice) != 0;
        bestPrice = best;
        stopPrice = stop;
        return moved;
    }

    private void requireTrailing() {
        if (type != OrderType.TRAILING_STOP) {
            throw new IllegalStateException("Order " + id + " is a " + type + " order, not a trailing stop");
        }
    }

    /** A market order that closes a position before the close (end-of-day flatten). */
    public static Order flatten(String agentId, String accountId, String ticker, OrderSide side, long quantity,
                                BigDecimal referencePrice, Instant barTime, Instant expiresAt, Instant now, String reason) {
        return new Order(OrderId.forFlatten(agentId, ticker, barTime), agentId, accountId, ticker, side,
                OrderType.MARKET, TimeInForce.DAY, OrderRole.FLATTEN, null, quantity, null, null, referencePrice,
                reason, null, barTime, expiresAt, now, "submitted: " + reason);
    }

    /**
     * A person's market order closing a position, good until canceled; it fills at the open of the ticker's first bar
     * that starts at or after {@code placedAt} (the broker's time: the close of the last bar it traded).
     */
    public static Order manualClose(OrderId id, String agentId, String accountId, String ticker, OrderSide side, long quantity,
                                    BigDecimal referencePrice, Instant placedAt, Instant now, String reason) {
        Order order = new Order(id, agentId, accountId, ticker, side,
                OrderType.MARKET, TimeInForce.GTC, OrderRole.FLATTEN, null, quantity, null, null, referencePrice,
                reason, null, placedAt, null, now, "submitted: " + reason);
        // a bar starting exactly when the close was placed is the next bar: it may fill it (bar times are whole milliseconds)
        order.activeAfter = placedAt.minusMillis(1);
        return order;
    }

    public OrderEvent accept(String cause, Instant at, Instant recordedAt) {
        if (role.isBracketLeg()) {
            throw new IllegalStateException("Order " + id + " is a bracket leg: it is activated by its parent's fill");
        }
        if (quantity == 0 && status.canMoveTo(OrderStatus.ACCEPTED)) {
            throw new IllegalStateException("Order " + id + " has no quantity and cannot be accepted");
        }
        return moveTo(OrderStatus.ACCEPTED, cause, at, recordedAt, null, null);
    }

    /**
     * Releases a held bracket leg once its parent has filled, sized to what the parent filled.
     * It can fill from the first bar that starts after {@code activeAfter} (the bar that filled the parent).
     */
    public OrderEvent activate(long legQuantity, Instant activeAfter, String cause, Instant at, Instant recordedAt) {
        if (!role.isBracketLeg()) {
            throw new IllegalStateException("Order " + id + " is not a bracket leg; accept it instead");
        }
        if (legQuantity <= 0 || legQuantity > quantity) {
            throw new IllegalArgumentException("Order " + id + ": leg quantity must be in 1.." + quantity + ", was " + legQuantity);
        }
        OrderEvent event = moveTo(OrderStatus.ACCEPTED, cause, at, recordedAt, null, null);
        this.quantity = legQuantity;
        this.activeAfter = Objects.requireNonNull(activeAfter, "activeAfter");
        return event;
    }

    public OrderEvent reject(String reason, Instant at, Instant recordedAt) {
        return moveTo(OrderStatus.REJECTED, "rejected: " + reason, at, recordedAt, null, null);
    }

    public OrderEvent cancel(String reason, Instant at, Instant recordedAt) {
        return moveTo(OrderStatus.CANCELED, "canceled: " + reason, at, recordedAt, null, null);
    }

    public OrderEvent expire(Instant at, Instant recordedAt) {
        return moveTo(OrderStatus.EXPIRED, "expired at the close (" + timeInForce + ")", at, recordedAt, null, null);
    }

    /**
     * Follows a split at its execution date's open: the shares still to fill times the ratio (whole shares, rounded
     * down), the shares filled likewise, and every price (limit, stop, reference, average fill) on the new basis. An
     * order left with no whole share to fill is canceled. Recorded as an event with the split as its cause; the status
     * does not change.
     */
    public OrderEvent adjustForSplit(Split split, Instant at, Instant recordedAt) {
        if (status.isTerminal()) {
            throw new IllegalStateException("Order " + id + " is " + status + "; only live orders follow a split");
        }
        long remaining = wholeShares(split, remainingQuantity());
        if (remaining == 0) {
            return cancel("the " + split.describe() + " of " + ticker + " on " + split.executionDate()
                    + " leaves no whole share to " + side.label(), at, recordedAt);
        }
        String before = quantity + " shares" + prices();
        filledQuantity = wholeShares(split, filledQuantity);
        quantity = filledQuantity + remaining;
        limitPrice = newPrice(split, limitPrice);
        stopPrice = newPrice(split, stopPrice);
        referencePrice = newPrice(split, referencePrice);
        averageFillPrice = newPrice(split, averageFillPrice);
        bestPrice = newPrice(split, bestPrice);
        trailAmount = newPrice(split, trailAmount);
        OrderEvent event = new OrderEvent(this, events.size() + 1, status, status, "adjusted for the " + split.describe() + " of "
                + ticker + " on " + split.executionDate() + ": " + before + " -> " + quantity + " shares" + prices(), at, recordedAt,
                null, null);
        events.add(event);
        return event;
    }

    private static long wholeShares(Split split, long shares) {
        return split.newShares(BigDecimal.valueOf(shares)).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static BigDecimal newPrice(Split split, BigDecimal price) {
        return price == null ? null : Money.price(split.newPrice(price));
    }

    private String prices() {
        return (limitPrice == null ? "" : ", limit " + limitPrice.toPlainString()) + (stopPrice == null ? "" : ", stop " + stopPrice.toPlainString());
    }

    /** Marks a stop or stop-limit order as triggered: from now on it behaves as a market or limit order. */
    public void trigger(Instant at) {
        if (!type.needsStop()) {
            throw new IllegalStateException("Order " + id + " is a " + type + " order and has no stop to trigger");
        }
        if (!status.isWorking()) {
            throw new IllegalStateException("Order " + id + " is " + status + " and cannot trigger");
        }
        if (triggeredAt == null) {
            triggeredAt = Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Fills {@code fillQuantity} shares at {@code price} (slippage included) for {@code fillCommission}, moving to
     * PARTIALLY_FILLED or FILLED. Returns the fill; its id is this order's id plus the fill event's sequence.
     */
    public Fill fill(long fillQuantity, BigDecimal price, BigDecimal fillCommission, Instant at, Instant recordedAt) {
        OrderStatus next = fillQuantity >= remainingQuantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        requireMove(next);
        if (fillQuantity <= 0 || fillQuantity > remainingQuantity()) {
            throw new IllegalArgumentException("Order " + id + ": fill quantity must be in 1.." + remainingQuantity()
                    + ", was " + fillQuantity);
        }
        BigDecimal fillPrice = Money.price(price);
        averageFillPrice = averageFillPrice == null ? fillPrice
                : Money.averagePrice(averageFillPrice, filledQuantity, fillPrice, fillQuantity);
        filledQuantity += fillQuantity;
        commission = commission.add(Money.cash(fillCommission));
        String cause = "filled " + fillQuantity + " @ " + fillPrice.toPlainString() + " (" + filledQuantity + "/" + quantity + ")";
        OrderEvent event = moveTo(next, cause, at, recordedAt, fillQuantity, fillPrice);
        return new Fill(id + "#" + event.sequence(), this, fillQuantity, fillPrice, Money.cash(fillCommission), at, recordedAt);
    }

    private OrderEvent moveTo(OrderStatus next, String cause, Instant at, Instant recordedAt, Long fillQuantity, BigDecimal fillPrice) {
        requireMove(next);
        OrderEvent event = new OrderEvent(this, events.size() + 1, status, next, cause, at, recordedAt, fillQuantity, fillPrice);
        events.add(event);
        status = next;
        return event;
    }

    private void requireMove(OrderStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalOrderTransitionException(id, status, next);
        }
    }

    /** True when this order may fill on a bar starting at {@code barStart}: only bars after the one it was placed at. */
    public boolean canTradeOn(Instant barStart) {
        return status.isWorking() && barStart.isAfter(activeAfter);
    }

    /** The price this order is expected to trade at, for buying power reserved by working orders. */
    public BigDecimal expectedPrice() {
        return type.expectedPrice(limitPrice, stopPrice, referencePrice);
    }

    public String id() {
        return id;
    }

    public OrderId orderId() {
        return new OrderId(id);
    }

    public String agentId() {
        return agentId;
    }

    public String accountId() {
        return accountId;
    }

    public String ticker() {
        return ticker;
    }

    public OrderSide side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public TimeInForce timeInForce() {
        return timeInForce;
    }

    public OrderRole role() {
        return role;
    }

    /** The entry this bracket leg protects. */
    public Optional<String> parentId() {
        return Optional.ofNullable(parentId);
    }

    public long quantity() {
        return quantity;
    }

    public long filledQuantity() {
        return filledQuantity;
    }

    public long remainingQuantity() {
        return quantity - filledQuantity;
    }

    public BigDecimal limitPrice() {
        return limitPrice;
    }

    public BigDecimal stopPrice() {
        return stopPrice;
    }

    public BigDecimal referencePrice() {
        return referencePrice;
    }

    /** A trailing stop's trail; empty for every other type. */
    public Optional<Trail> trail() {
        return type == OrderType.TRAILING_STOP ? Optional.of(new Trail(trailPercent, trailAmount)) : Optional.empty();
    }

    /** A trailing stop's best price since its entry filled (the expected entry price before); null for other types. */
    public BigDecimal bestPrice() {
        return bestPrice;
    }

    /** Volume-weighted average of the fills; null before the first fill. */
    public BigDecimal averageFillPrice() {
        return averageFillPrice;
    }

    /** Commission charged on all fills so far. */
    public BigDecimal commission() {
        return commission;
    }

    public OrderStatus status() {
        return status;
    }

    /** The signal's reason text. */
    public String reason() {
        return reason;
    }

    public String scriptHash() {
        return scriptHash;
    }

    /** Start of the bar whose close produced this order (the signal's bar). */
    public Instant barTime() {
        return barTime;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The order can fill only on bars starting after this instant. */
    public Instant activeAfter() {
        return activeAfter;
    }

    /** When a DAY order expires (its session's close); null for GTC. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isTriggered() {
        return triggeredAt != null;
    }

    public Instant triggeredAt() {
        return triggeredAt;
    }

    /** The audit trail, oldest first. */
    public List<OrderEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public OrderEvent lastEvent() {
        return events.get(events.size() - 1);
    }

    @Override
    public String toString() {
        return "Order " + id + " " + side + " " + quantity + " " + ticker + " " + type + " " + status;
    }
}
