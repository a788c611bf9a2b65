package com.papertrader.domain.trading.portfolio;

import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.Money;
import com.papertrader.domain.trading.order.Fill;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A paper account: cash plus the value of its positions. By default each agent trades its own account
 * (id = agent id); several agents may share one. Market values are kept here as totals the broker recomputes
 * from the account's positions after every change ({@link #revalue}).
 * <p>
 * Buying power = equity x margin multiplier - gross exposure (long + short market value), never below zero.
 * With multiplier 1 (a cash account) and only long positions that is exactly the cash.
 * Day P&L = equity - equity at the previous close; {@link #startDay} rolls it over at the first bar of a session.
 * Drawdown = peak equity - equity; an account that reached its agent's max drawdown is locked for new entries until
 * an admin releases it ({@link #lock}).
 * <p>
 * Every change of the cash is a {@link LedgerEntry} too; the entries made since the account was last saved are handed
 * to the store with it ({@link #takeNewLedgerEntries()}), so the ledger always sums to the cash.
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private String id;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal startingCash;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal cash;
    @Column(nullable = false, precision = 9, scale = 4)
    private BigDecimal marginMultiplier;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal realizedPnl;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal unrealizedPnl;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal longMarketValue;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal shortMarketValue;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal previousCloseEquity;
    @Column(nullable = false)
    private LocalDate tradingDay;
    private LocalDate haltedOn;
    @Column(length = 500)
    private String haltReason;
    /** The highest equity since the account opened, was reset or its drawdown lock released: drawdown is measured from it. */
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal peakEquity;
    /** Why new entries are locked (max drawdown) until an admin releases the lock; null while not locked. */
    @Column(length = 500)
    private String lockReason;
    private Instant lockedAt;
    @Column(nullable = false)
    private Instant openedAt;
    @Column(nullable = false)
    private Instant valuedAt;
    @Transient
    private List<LedgerEntry> newEntries = new ArrayList<>();

    protected Account() {
        // for JPA
    }

    private Account(String id, BigDecimal startingCash, BigDecimal marginMultiplier, Instant openedAt) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("account id is required");
        }
        if (startingCash == null || startingCash.signum() <= 0) {
            throw new IllegalArgumentException("Account " + id + ": starting cash must be positive, was " + startingCash);
        }
        if (marginMultiplier == null || marginMultiplier.compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalArgumentException("Account " + id + ": margin multiplier must be at least 1, was " + marginMultiplier);
        }
        this.id = id;
        this.startingCash = Money.cash(startingCash);
        this.cash = this.startingCash;
        this.marginMultiplier = marginMultiplier;
        this.realizedPnl = Money.ZERO;
        this.unrealizedPnl = Money.ZERO;
        this.longMarketValue = Money.ZERO;
        this.shortMarketValue = Money.ZERO;
        this.previousCloseEquity = this.startingCash;
        this.peakEquity = this.startingCash;
        this.openedAt = Objects.requireNonNull(openedAt, "openedAt");
        this.valuedAt = openedAt;
        this.tradingDay = openedAt.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        newEntries.add(new LedgerEntry(id + "|opening", id, openedAt, LedgerEntry.Kind.OPENING, this.startingCash, null,
                "opened with the starting cash"));
    }

    /** A new account with only cash. {@code marginMultiplier} 1 is a cash account; 2 is Reg T overnight margin. */
    public static Account open(String id, BigDecimal startingCash, BigDecimal marginMultiplier, Instant at) {
        return new Account(id, startingCash, marginMultiplier, at);
    }

    /** Books a fill's cash and the P&L it realized on its position. */
    public void recordFill(Fill fill, BigDecimal realized) {
        if (!fill.accountId().equals(id)) {
            throw new IllegalArgumentException("Fill " + fill.id() + " belongs to account " + fill.accountId() + ", not " + id);
        }
        cash = cash.add(fill.cashChange());
        realizedPnl = realizedPnl.add(Money.cash(realized));
        String trade = fill.side().label() + " " + fill.quantity() + " " + fill.ticker() + " @ " + fill.price().toPlainString();
        newEntries.add(new LedgerEntry(fill.id() + "|trade", id, fill.filledAt(), LedgerEntry.Kind.TRADE,
                fill.side().isBuy() ? fill.grossValue().negate() : fill.grossValue(), fill.id(), trade));
        if (fill.commission().signum() != 0) {
            newEntries.add(new LedgerEntry(fill.id() + "|commission", id, fill.filledAt(), LedgerEntry.Kind.COMMISSION,
                    fill.commission().negate(), fill.id(), "commission on " + trade));
        }
    }

    /**
     * Books cash a corporate action moved (a dividend received or paid, cash for a split's fractional share) and the
     * P&L it realized (the fractional share's, against its cost).
     *
     * @param cause the action's key: with the account's id, the entry's id, so the same action books once
     */
    public void recordCorporateAction(LedgerEntry.Kind kind, BigDecimal amount, BigDecimal realized, String cause,
                                      String description, Instant at) {
        cash = cash.add(Money.cash(amount));
        realizedPnl = realizedPnl.add(Money.cash(realized));
        newEntries.add(new LedgerEntry(id + "|" + cause, id, at, kind, amount, cause, description));
    }

    /** Replaces the position totals with fresh ones computed from all open positions of this account. */
    public void revalue(BigDecimal longValue, BigDecimal shortValue, BigDecimal unrealized, Instant at) {
        if (longValue.signum() < 0 || shortValue.signum() < 0) {
            throw new IllegalArgumentException("Account " + id + ": market values are totals and cannot be negative");
        }
        longMarketValue = Money.cash(longValue);
        shortMarketValue = Money.cash(shortValue);
        unrealizedPnl = Money.cash(unrealized);
        valuedAt = Objects.requireNonNull(at, "at");
        peakEquity = peakEquity.max(equity());
    }

    /**
     * Starts a flat account again: cash back to the starting cash, P&L zero, any halt lifted. Its history (orders,
     * fills, equity snapshots) is kept elsewhere and stays.
     *
     * @throws IllegalStateException while it holds positions (they would be lost from its equity)
     */
    public void reset(Instant at) {
        if (longMarketValue.signum() != 0 || shortMarketValue.signum() != 0) {
            throw new IllegalStateException("Account " + id + " holds positions; only a flat account can be reset");
        }
        newEntries.add(new LedgerEntry(id + "|reset|" + at.toEpochMilli(), id, at, LedgerEntry.Kind.RESET,
                startingCash.subtract(cash), null, "reset to the starting cash"));
        cash = startingCash;
        realizedPnl = Money.ZERO;
        unrealizedPnl = Money.ZERO;
        previousCloseEquity = startingCash;
        peakEquity = startingCash;
        haltedOn = null;
        haltReason = null;
        lockReason = null;
        lockedAt = null;
        valuedAt = Objects.requireNonNull(at, "at");
    }

    /** Starts a new trading day: today's P&L is measured from the equity as it stood at the previous close. */
    public void startDay(LocalDate day) {
        if (day.isAfter(tradingDay)) {
            previousCloseEquity = equity();
            tradingDay = day;
        }
    }

    /** Halts new entries for the rest of {@code day} (exits stay allowed); the halt lifts by itself the next day. */
    public void haltForDay(LocalDate day, String reason) {
        haltedOn = Objects.requireNonNull(day, "day");
        haltReason = reason;
    }

    public boolean isHaltedOn(LocalDate day) {
        return day.equals(haltedOn);
    }

    /** Locks new entries (exits stay allowed) until {@link #releaseLock}: the max drawdown was reached. */
    public void lock(String reason, Instant at) {
        lockReason = Objects.requireNonNull(reason, "reason");
        lockedAt = Objects.requireNonNull(at, "at");
    }

    /** Lifts the lock; drawdown is measured afresh from the equity now, so the same loss does not lock it again. */
    public void releaseLock() {
        lockReason = null;
        lockedAt = null;
        peakEquity = equity();
    }

    public boolean isLocked() {
        return lockReason != null;
    }

    /** Null while not locked. */
    public String lockReason() {
        return lockReason;
    }

    /** Null while not locked. */
    public Instant lockedAt() {
        return lockedAt;
    }

    /** The highest equity seen (see the field): at least the equity now. */
    public BigDecimal peakEquity() {
        return peakEquity.max(equity());
    }

    /** The ledger entries made since this was last called: the store saves them with the account. */
    public List<LedgerEntry> takeNewLedgerEntries() {
        List<LedgerEntry> taken = List.copyOf(newEntries);
        newEntries.clear();
        return taken;
    }

    public BigDecimal equity() {
        return cash.add(longMarketValue).subtract(shortMarketValue);
    }

    /** Net market value of the positions: long minus short. */
    public BigDecimal marketValue() {
        return longMarketValue.subtract(shortMarketValue);
    }

    public BigDecimal grossExposure() {
        return longMarketValue.add(shortMarketValue);
    }

    public BigDecimal buyingPower() {
        return Money.cash(equity().multiply(marginMultiplier).subtract(grossExposure()).max(BigDecimal.ZERO));
    }

    public BigDecimal dayPnl() {
        return equity().subtract(previousCloseEquity);
    }

    public String id() {
        return id;
    }

    public BigDecimal startingCash() {
        return startingCash;
    }

    public BigDecimal cash() {
        return cash;
    }

    public BigDecimal marginMultiplier() {
        return marginMultiplier;
    }

    public BigDecimal realizedPnl() {
        return realizedPnl;
    }

    public BigDecimal unrealizedPnl() {
        return unrealizedPnl;
    }

    public BigDecimal longMarketValue() {
        return longMarketValue;
    }

    public BigDecimal shortMarketValue() {
        return shortMarketValue;
    }

    public BigDecimal previousCloseEquity() {
        return previousCloseEquity;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    public String haltReason() {
        return haltReason;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant valuedAt() {
        return valuedAt;
    }

    @Override
    public String toString() {
        return "Account " + id + " cash " + cash.toPlainString() + " equity " + equity().toPlainString();
    }
}
