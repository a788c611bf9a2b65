package com.papertrader.domain.agent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A scan that produced signals: which agent, on which bar, with which script version, what it said and how long it took. */
@Entity
@Table(name = "scan_records")
public class ScanRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String agentId;

    @Column(nullable = false, length = 16)
    private String ticker;

    @Column(nullable = false)
    private Instant barTime;

    @Column(nullable = false, length = 64)
    private String scriptHash;

    @Column(nullable = false, length = 4000)
    private String signals;

    private long durationMicros;

    /** Why the scan failed (script error, sandbox limit, invalid signal); null for a scan that ran. */
    @Column(length = 1000)
    private String error;

    protected ScanRecord() {
    }

    /** A scan that failed: kept so the agent's page can list its recent errors, not just the last one. */
    public static ScanRecord failed(AgentId agentId, String ticker, Instant barTime, String scriptHash, String error,
                                    Duration duration) {
        ScanRecord record = new ScanRecord(agentId, ticker, barTime, scriptHash, List.of(), duration);
        record.error = error.length() > 1000 ? error.substring(0, 1000) : error;
        return record;
    }

    public ScanRecord(AgentId agentId, String ticker, Instant barTime, String scriptHash, List<Signal> signals, Duration duration) {
        this.agentId = agentId.value();
        this.ticker = ticker;
        this.barTime = barTime;
        this.scriptHash = scriptHash;
        String described = signals.stream().map(ScanRecord::describe).collect(Collectors.joining("; "));
        this.signals = described.length() > 4000 ? described.substring(0, 4000) : described;
        this.durationMicros = duration.toNanos() / 1_000;
    }

    private static String describe(Signal signal) {
        return signal.action().name().toLowerCase()
                + (signal.quantity() != null ? " " + signal.quantity().toPlainString() : "")
                + (signal.notional() != null ? " $" + signal.notional().toPlainString() : "")
                + (signal.reason().isEmpty() ? "" : " (" + signal.reason() + ")");
    }

    public String agentId() {
        return agentId;
    }

    public String ticker() {
        return ticker;
    }

    public Instant barTime() {
        return barTime;
    }

    public String signals() {
        return signals;
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
