package com.papertrader.application.backtest;

import com.papertrader.domain.trading.CashColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A parameter sweep as requested: one agent over stored bars, once per combination of its {@link ParameterGrid}. Each
 * combination is a {@link BacktestRun} of its own (with the sweep's id), so a finished one opens as any backtest and a
 * sweep cut off by a restart resumes with the runs not done. The agent's script version and parameters are kept, so a
 * resume after the agent changed is refused rather than mixing two strategies in one table.
 */
@Entity
@Table(name = "backtest_sweeps")
@NamedQuery(name = BacktestSweep.FIND_ALL, query = "select s from BacktestSweep s order by s.createdAt desc")
public class BacktestSweep {

    public static final String FIND_ALL = "BacktestSweep.findAll";

    @Id
    @Column(length = 36)
    private String id;
    @Column(nullable = false)
    private String agentId;
    @Column(nullable = false, length = 64)
    private String scriptVersion;
    @Column(nullable = false, length = 8192)
    private String agentParameters;
    @Column(nullable = false, length = 2000)
    private String tickers;
    @Column(nullable = false)
    private LocalDate fromDay;
    @Column(nullable = false)
    private LocalDate toDay;
    private boolean rawPrices;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal startingCash;
    @Column(nullable = false, length = 8192)
    private String grid;
    @Column(nullable = false, length = 32)
    private String rankBy;
    private int combinations;
    @Column(length = 2000)
    private String error;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BacktestRun.Status status;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;

    protected BacktestSweep() {
        // for JPA
    }

    public BacktestSweep(String id, BacktestRequest request, String scriptVersion, String agentParameters, ParameterGrid grid,
                         SweepStatistic rankBy, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.agentId = request.agentId();
        this.scriptVersion = Objects.requireNonNull(scriptVersion, "scriptVersion");
        this.agentParameters = Objects.requireNonNull(agentParameters, "agentParameters");
        this.tickers = String.join(",", request.tickers());
        this.fromDay = Objects.requireNonNull(request.from(), "from");
        this.toDay = Objects.requireNonNull(request.to(), "to");
        this.rawPrices = request.rawPrices();
        this.startingCash = request.startingCash();
        this.grid = grid.toJson();
        this.rankBy = rankBy.key();
        this.combinations = grid.size();
        this.status = BacktestRun.Status.QUEUED;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The backtest every combination runs (with its own parameters). */
    public BacktestRequest request() {
        return new BacktestRequest(agentId, getTickers(), fromDay, toDay, startingCash, rawPrices);
    }

    /** Queued again by a resume: not finished from now on, so no page reads the old end while the resume starts. */
    public void queuedAgain() {
        status = BacktestRun.Status.QUEUED;
        error = null;
        finishedAt = null;
    }

    public void running() {
        status = BacktestRun.Status.RUNNING;
        error = null;
        finishedAt = null;
    }

    /** DONE, or CANCELED when some combinations were left. */
    public void ended(boolean canceled, Instant at) {
        status = canceled ? BacktestRun.Status.CANCELED : BacktestRun.Status.DONE;
        finishedAt = at;
    }

    /** Stopped by a failure outside any one combination (the database, the bars); the runs not done can be resumed. */
    public void failed(String reason, Instant at) {
        status = BacktestRun.Status.FAILED;
        error = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
        finishedAt = at;
    }

    public String getError() {
        return error;
    }

    public String getId() {
        return id;
    }

    public String getAgentId() {
        return agentId;
    }

    public String getScriptVersion() {
        return scriptVersion;
    }

    public String getAgentParameters() {
        return agentParameters;
    }

    public List<String> getTickers() {
        return Arrays.asList(tickers.split(","));
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public LocalDate getToDay() {
        return toDay;
    }

    public boolean isRawPrices() {
        return rawPrices;
    }

    public BigDecimal getStartingCash() {
        return startingCash;
    }

    public ParameterGrid getGrid() {
        return ParameterGrid.parse(grid);
    }

    public SweepStatistic getRankBy() {
        return SweepStatistic.parse(rankBy);
    }

    public int getCombinations() {
        return combinations;
    }

    public BacktestRun.Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
