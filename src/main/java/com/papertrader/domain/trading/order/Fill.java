package com.papertrader.domain.trading.order;

import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.PriceColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Shares that changed hands for one order on one bar. Made only by {@link Order#fill}; immutable.
 * {@code price} includes slippage; {@code commission} is what this fill was charged.
 */
@Entity
@Table(name = "fills")
public class Fill {

    @Id
    @Column(length = 220)
    private String id;
    @Column(nullable = false, length = 200)
    private String orderId;
    @Column(nullable = false)
    private String agentId;
    @Column(nullable = false)
    private String accountId;
    @Column(nullable = false, length = 16)
    private String ticker;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderSide side;
    private long quantity;
    @Convert(converter = PriceColumn.class)
    @Column(nullable = false)
    private BigDecimal price;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal commission;
    @Column(nullable = false)
    private Instant filledAt;
    @Column(nullable = false)
    private Instant recordedAt;

    protected Fill() {
        // for JPA
    }

    Fill(String id, Order order, long quantity, BigDecimal price, BigDecimal commission, Instant filledAt, Instant recordedAt) {
        this.id = id;
        this.orderId = order.id();
        this.agentId = order.agentId();
        this.accountId = order.accountId();
        this.ticker = order.ticker();
        this.side = order.side();
        this.quantity = quantity;
        this.price = price;
        this.commission = commission;
        this.filledAt = filledAt;
        this.recordedAt = recordedAt;
    }

    /** Price times quantity, to the cent, before commission. */
    public BigDecimal grossValue() {
        return Money.value(price, quantity);
    }

    /** What the fill does to the account's cash: buys pay value plus commission, sells receive value minus commission. */
    public BigDecimal cashChange() {
        return side.isBuy() ? grossValue().add(commission).negate() : grossValue().subtract(commission);
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return orderId;
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

    public long quantity() {
        return quantity;
    }

    public BigDecimal price() {
        return price;
    }

    public BigDecimal commission() {
        return commission;
    }

    /** Market time of the fill: the start of the bar it filled on. */
    public Instant filledAt() {
        return filledAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    @Override
    public String toString() {
        return "Fill " + id + " " + side + " " + quantity + " " + ticker + " @ " + price.toPlainString();
    }
}
