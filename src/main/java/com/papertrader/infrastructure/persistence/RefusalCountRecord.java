package com.papertrader.infrastructure.persistence;

import com.papertrader.domain.trading.risk.RefusalCount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One row of refusal_counts: an agent's orders one rule refused on one trading day ({@link RefusalCount}). */
@Entity
@Table(name = "refusal_counts")
@NamedQuery(name = RefusalCountRecord.ADD, query = "update RefusalCountRecord r set r.refusals = r.refusals + :refusals,"
        + " r.lastReason = :lastReason, r.lastAt = :lastAt where r.id = :id")
@NamedQuery(name = RefusalCountRecord.OF_AGENT, query = "select r from RefusalCountRecord r where r.agentId = :agentId"
        + " order by r.tradingDay desc, r.refusals desc, r.rule")
public class RefusalCountRecord {

    static final String ADD = "RefusalCountRecord.add";
    static final String OF_AGENT = "RefusalCountRecord.ofAgent";

    @Id
    @Column(name = "id", length = 400)
    private String id;
    @Column(name = "agent_id", nullable = false)
    private String agentId;
    @Column(name = "trading_day", nullable = false)
    private LocalDate tradingDay;
    @Column(name = "rule", nullable = false, length = 64)
    private String rule;
    @Column(name = "refusals", nullable = false)
    private long refusals;
    @Column(name = "last_reason", nullable = false, length = 1000)
    private String lastReason;
    @Column(name = "last_at", nullable = false)
    private Instant lastAt;

    protected RefusalCountRecord() {
        // for JPA
    }

    RefusalCountRecord(RefusalCount count) {
        this.id = idOf(count);
        this.agentId = count.agentId();
        this.tradingDay = count.tradingDay();
        this.rule = count.rule();
        this.refusals = count.refusals();
        this.lastReason = count.lastReason();
        this.lastAt = count.lastAt();
    }

    static String idOf(RefusalCount count) {
        return count.agentId() + "|" + count.tradingDay() + "|" + count.rule();
    }

    RefusalCount toCount() {
        return new RefusalCount(agentId, tradingDay, rule, refusals, lastReason, lastAt);
    }
}
