package com.papertrader.infrastructure.persistence;

import com.papertrader.application.ingest.CorporateActionStore.KnownAction;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.Split;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of corporate_actions: a split or a cash dividend, its id the action's key. Decimals are text, exactly as
 * given. {@code appliedAt} is set once live trading has applied it (the start of that bar), {@code withdrawnAt} when the
 * source stopped listing it.
 */
@Entity
@Table(name = "corporate_actions")
// A split before a dividend of the same day, as they apply (SPLIT sorts after DIVIDEND).
@NamedQuery(name = CorporateActionRecord.ALL, query = "select r from CorporateActionRecord r order by r.effectiveDate, r.ticker, r.kind desc")
@NamedQuery(name = CorporateActionRecord.FROM, query = "select r from CorporateActionRecord r where r.effectiveDate >= :from")
@NamedQuery(name = CorporateActionRecord.APPLIED_SPLITS, query = "select r from CorporateActionRecord r"
        + " where r.ticker = :ticker and r.kind = 'SPLIT' and r.appliedAt is not null order by r.effectiveDate")
@NamedQuery(name = CorporateActionRecord.MARK_APPLIED,
        query = "update CorporateActionRecord r set r.appliedAt = :at where r.id in :ids and r.appliedAt is null")
public class CorporateActionRecord {

    static final String ALL = "CorporateActionRecord.all";
    static final String FROM = "CorporateActionRecord.from";
    static final String MARK_APPLIED = "CorporateActionRecord.markApplied";
    static final String APPLIED_SPLITS = "CorporateActionRecord.appliedSplits";

    private static final String SPLIT = "SPLIT";
    private static final String DIVIDEND = "DIVIDEND";

    @Id
    @Column(name = "id", length = 64)
    private String id;
    @Column(name = "kind", nullable = false, length = 16)
    private String kind;
    @Column(name = "ticker", nullable = false, length = 16)
    private String ticker;
    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;
    @Column(name = "split_from", length = 32)
    private String splitFrom;
    @Column(name = "split_to", length = 32)
    private String splitTo;
    @Column(name = "cash_amount", length = 32)
    private String cashAmount;
    @Column(name = "currency", length = 3)
    private String currency;
    @Column(name = "pay_date")
    private LocalDate payDate;
    @Column(name = "source_id", length = 128)
    private String sourceId;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "applied_at")
    private Instant appliedAt;
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected CorporateActionRecord() {
        // for JPA
    }

    CorporateActionRecord(CorporateAction action, Instant receivedAt) {
        this.id = action.key();
        this.receivedAt = receivedAt;
        take(action);
    }

    /** The values of {@code action} (same key): a correction, or the source listing it again after a withdrawal. */
    void take(CorporateAction action) {
        withdrawnAt = null;
        ticker = action.ticker();
        effectiveDate = action.effectiveDate();
        if (action instanceof Split split) {
            kind = SPLIT;
            splitFrom = split.splitFrom().toPlainString();
            splitTo = split.splitTo().toPlainString();
            sourceId = split.sourceId();
        } else if (action instanceof CashDividend dividend) {
            kind = DIVIDEND;
            cashAmount = dividend.cashAmount().toPlainString();
            currency = dividend.currency();
            payDate = dividend.payDate();
            sourceId = dividend.sourceId();
        }
    }

    /** The source no longer lists it. */
    void withdraw(Instant at) {
        withdrawnAt = at;
    }

    String id() {
        return id;
    }

    KnownAction known() {
        return new KnownAction(action(), receivedAt, appliedAt, withdrawnAt);
    }

    CorporateAction action() {
        return SPLIT.equals(kind)
                ? new Split(ticker, effectiveDate, new BigDecimal(splitFrom), new BigDecimal(splitTo), sourceId)
                : new CashDividend(ticker, effectiveDate, payDate, new BigDecimal(cashAmount), currency, sourceId);
    }

}
