package com.papertrader.domain.trading.portfolio;

import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One movement of an account's cash, to the cent: the opening deposit, a fill's trade value, its commission, a
 * dividend, the cash paid for a split's fractional share, a reset. An account's entries sum to its cash. The id says
 * what caused the entry, so the same cause saved again replaces it and never counts twice.
 */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntry {

    /** What moved the cash. */
    public enum Kind {
        /** The starting cash of a new account. */
        OPENING,
        /** The account's cash when the ledger began (a database from before the ledger). */
        CARRIED_OVER,
        /** A fill's trade value: paid for a buy, received for a sale. */
        TRADE,
        COMMISSION,
        /** A cash dividend received on a long position, or paid on a short one. */
        DIVIDEND,
        /** Cash in lieu of the fractional share a split left. */
        SPLIT_CASH,
        /** A reset back to the starting cash. */
        RESET
    }

    @Id
    @Column(length = 300)
    private String id;
    @Column(name = "account_id", nullable = false)
    private String accountId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;
    @Convert(converter = CashColumn.class)
    @Column(name = "amount", nullable = false)
    private BigDecimal amount;
    /** The order, fill or corporate action behind the entry; null for an opening or a reset. */
    @Column(name = "reference", length = 300)
    private String reference;
    @Column(name = "description", nullable = false, length = 500)
    private String description;

    protected LedgerEntry() {
        // for JPA
    }

    LedgerEntry(String id, String accountId, Instant occurredAt, Kind kind, BigDecimal amount, String reference, String description) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.amount = Money.cash(amount);
        this.reference = reference;
        this.description = Objects.requireNonNull(description, "description");
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Kind kind() {
        return kind;
    }

    /** Positive adds to the cash, negative takes from it. */
    public BigDecimal amount() {
        return amount;
    }

    public String reference() {
        return reference;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return kind + " " + amount.toPlainString() + " in " + accountId + " (" + description + ")";
    }
}
