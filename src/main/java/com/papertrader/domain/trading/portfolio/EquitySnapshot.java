package com.papertrader.domain.trading.portfolio;

import com.papertrader.domain.trading.CashColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One point of an account's equity curve, taken at a bar close. The id is account and time, so a later snapshot
 * of the same account at the same close (another ticker's bar) replaces the earlier one when saved.
 */
@Entity
@Table(name = "equity_snapshots")
public class EquitySnapshot {

    @Id
    @Column(length = 300)
    private String id;
    @Column(nullable = false)
    private String accountId;
    @Column(nullable = false)
    private Instant takenAt;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal cash;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal marketValue;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal equity;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal realizedPnl;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal unrealizedPnl;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal dayPnl;

    protected EquitySnapshot() {
        // for JPA
    }

    private EquitySnapshot(Account account, Instant takenAt) {
        this.id = account.id() + "@" + takenAt;
        this.accountId = account.id();
        this.takenAt = takenAt;
        this.cash = account.cash();
        this.marketValue = account.marketValue();
        this.equity = account.equity();
        this.realizedPnl = account.realizedPnl();
        this.unrealizedPnl = account.unrealizedPnl();
        this.dayPnl = account.dayPnl();
    }

    public static EquitySnapshot of(Account account, Instant takenAt) {
        return new EquitySnapshot(account, takenAt);
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public BigDecimal cash() {
        return cash;
    }

    public BigDecimal marketValue() {
        return marketValue;
    }

    public BigDecimal equity() {
        return equity;
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    public BigDecimal unrealizedPnl() {
        return unrealizedPnl;
    }

    public BigDecimal dayPnl() {
        return dayPnl;
    }
}
