package com.papertrader.domain.trading.order;

import com.papertrader.domain.trading.PriceColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One status move of an order, immutable once made: the audit trail. {@code occurredAt} is market time (the bar,
 * the session close, the submission), {@code recordedAt} the broker clock when it was recorded.
 * Its id is the order id plus its sequence number, assigned by the domain so saving it twice is harmless.
 */
@Entity
@Table(name = "order_events")
public class OrderEvent {

    @Id
    @Column(length = 220)
    private String id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id", nullable = false)
    private Order order;
    @Column(name = "seq", nullable = false)
    private int sequence;
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private OrderStatus previousStatus;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OrderStatus status;
    @Column(nullable = false, length = 1000)
    private String cause;
    @Column(nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private Instant recordedAt;
    private Long fillQuantity;
    @Convert(converter = PriceColumn.class)
    private BigDecimal fillPrice;

    protected OrderEvent() {
        // for JPA
    }

    OrderEvent(Order order, int sequence, OrderStatus previousStatus, OrderStatus status, String cause,
               Instant occurredAt, Instant recordedAt, Long fillQuantity, BigDecimal fillPrice) {
        this.id = order.id() + "#" + sequence;
        this.order = order;
        this.sequence = sequence;
        this.previousStatus = previousStatus;
        this.status = status;
        this.cause = cause;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.fillQuantity = fillQuantity;
        this.fillPrice = fillPrice;
    }

    public String id() {
        return id;
    }

    public String orderId() {
        return order.id();
    }

    public int sequence() {
        return sequence;
    }

    /** Null for the first event (the order's creation). */
    public OrderStatus previousStatus() {
        return previousStatus;
    }

    public OrderStatus status() {
        return status;
    }

    public String cause() {
        return cause;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /** Shares filled by this event; null unless it is a fill. */
    public Long fillQuantity() {
        return fillQuantity;
    }

    public BigDecimal fillPrice() {
        return fillPrice;
    }

    @Override
    public String toString() {
        return id + " " + previousStatus + " -> " + status + " at " + occurredAt + ": " + cause;
    }
}
