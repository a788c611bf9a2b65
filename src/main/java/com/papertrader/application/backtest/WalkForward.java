package com.papertrader.application.backtest;

import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.trading.CashColumn;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A walk-forward test as requested and, once ended, its results: each window's chosen parameters with their in-sample
 * and out-of-sample figures, the joined out-of-sample equity curve and its statistics beside the in-sample mean, and the
 * probabilistic and deflated Sharpe ratios. Ratios that are no number are stored as null.
 */
@Entity
@Table(name = "walk_forwards")
@NamedQuery(name = WalkForward.FIND_ALL, query = "select w from WalkForward w order by w.createdAt desc")
public class WalkForward {

    public static final String FIND_ALL = "WalkForward.findAll";

    @Id
    @Column(length = 36)
    private String id;
    @Column(nullable = false)
    private String agentId;
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
    private int inSampleDays;
    private int outOfSampleDays;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private BacktestRun.Status status;
    private int windowsTotal;
    @Column(length = 2000)
    private String error;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;

    @Convert(converter = CashColumn.class)
    private BigDecimal endEquity;
    private Double totalReturn;
    private Double sharpe;
    private Double maxDrawdown;
    private Integer tradeCount;
    private Double inSampleMean;
    private Double probabilisticSharpe;
    private Double deflatedSharpe;
    private Integer trials;

    @ElementCollection
    @CollectionTable(name = "walk_forward_windows", joinColumns = @JoinColumn(name = "walk_forward_id"))
    @OrderColumn(name = "seq")
    private List<WindowRow> windows = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "walk_forward_equity", joinColumns = @JoinColumn(name = "walk_forward_id"))
    @OrderColumn(name = "seq")
    private List<BacktestRun.EquityRow> equity = new ArrayList<>();

    protected WalkForward() {
        // for JPA
    }

    public WalkForward(String id, WalkForwardRequest request, Instant createdAt) {
        BacktestRequest backtest = request.sweep().backtest();
        this.id = Objects.requireNonNull(id, "id");
        this.agentId = backtest.agentId();
        this.tickers = String.join(",", backtest.tickers());
        this.fromDay = backtest.from();
        this.toDay = backtest.to();
        this.rawPrices = backtest.rawPrices();
        this.startingCash = backtest.startingCash();
        this.grid = request.sweep().grid().toJson();
        this.rankBy = request.sweep().rankBy().key();
        this.inSampleDays = request.inSampleDays();
        this.outOfSampleDays = request.outOfSampleDays();
        this.status = BacktestRun.Status.QUEUED;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The backtest each run of the test makes (over its own days, with its own parameters). */
    public BacktestRequest request() {
        return new BacktestRequest(agentId, getTickers(), fromDay, toDay, startingCash, rawPrices);
    }

    public void started(int windowCount) {
        status = BacktestRun.Status.RUNNING;
        windowsTotal = windowCount;
    }

    public void finished(WalkForwardRunner.Result result, Instant at) {
        status = result.canceled() ? BacktestRun.Status.CANCELED : BacktestRun.Status.DONE;
        finishedAt = at;
        Statistics s = result.outOfSample();
        endEquity = s.endEquity();
        totalReturn = number(s.totalReturn());
        sharpe = number(s.sharpe());
        maxDrawdown = number(s.maxDrawdown());
        tradeCount = s.trades();
        inSampleMean = number(result.inSampleMean());
        probabilisticSharpe = number(result.probabilisticSharpe());
        deflatedSharpe = number(result.deflatedSharpe());
        trials = result.trials();
        windows.clear();
        result.windows().forEach(window -> windows.add(new WindowRow(window)));
        equity.clear();
        double[] drawdowns = Statistics.Drawdown.of(result.equity()).series();
        for (int i = 0; i < result.equity().size(); i++) {
            equity.add(new BacktestRun.EquityRow(result.equity().get(i), drawdowns[i]));
        }
    }

    public void failed(String reason, Instant at) {
        status = BacktestRun.Status.FAILED;
        error = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
        finishedAt = at;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public String getId() {
        return id;
    }

    public String getAgentId() {
        return agentId;
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

    public int getInSampleDays() {
        return inSampleDays;
    }

    public int getOutOfSampleDays() {
        return outOfSampleDays;
    }

    public BacktestRun.Status getStatus() {
        return status;
    }

    public int getWindowsTotal() {
        return windowsTotal;
    }

    public String getError() {
        return error;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public BigDecimal getEndEquity() {
        return endEquity;
    }

    public Double getTotalReturn() {
        return totalReturn;
    }

    public Double getSharpe() {
        return sharpe;
    }

    public Double getMaxDrawdown() {
        return maxDrawdown;
    }

    public Integer getTradeCount() {
        return tradeCount;
    }

    public Double getInSampleMean() {
        return inSampleMean;
    }

    public Double getProbabilisticSharpe() {
        return probabilisticSharpe;
    }

    public Double getDeflatedSharpe() {
        return deflatedSharpe;
    }

    public Integer getTrials() {
        return trials;
    }

    public List<WindowRow> getWindows() {
        return windows;
    }

    public List<BacktestRun.EquityRow> getEquity() {
        return equity;
    }

    /** One window: its days, the combination chosen in sample (null when every run failed) and its figures. */
    @Embeddable
    public static class WindowRow {
        private LocalDate inSampleFrom;
        private LocalDate inSampleTo;
        private LocalDate outOfSampleFrom;
        private LocalDate outOfSampleTo;
        @Column(length = 8192)
        private String parameters;
        private Double inSampleValue;
        private Double inSampleReturn;
        private Double inSampleSharpe;
        private Double outOfSampleReturn;
        private Double outOfSampleSharpe;
        @Convert(converter = CashColumn.class)
        private BigDecimal outOfSampleEquity;
        private int failedRuns;

        protected WindowRow() {
            // for JPA
        }

        WindowRow(WalkForwardRunner.WindowResult result) {
            WalkForwardRunner.Window window = result.window();
            this.inSampleFrom = window.inSampleFrom();
            this.inSampleTo = window.inSampleTo();
            this.outOfSampleFrom = window.outOfSampleFrom();
            this.outOfSampleTo = window.outOfSampleTo();
            this.parameters = result.chosen().map(chosen -> AgentParameters.of(chosen).toJson()).orElse(null);
            this.inSampleValue = number(result.inSampleValue());
            this.inSampleReturn = result.inSample().map(s -> number(s.totalReturn())).orElse(null);
            this.inSampleSharpe = result.inSample().map(s -> number(s.sharpe())).orElse(null);
            this.outOfSampleReturn = result.outOfSample().map(s -> number(s.totalReturn())).orElse(null);
            this.outOfSampleSharpe = result.outOfSample().map(s -> number(s.sharpe())).orElse(null);
            this.outOfSampleEquity = result.outOfSample().map(Statistics::endEquity).orElse(null);
            this.failedRuns = result.failedRuns();
        }

        public LocalDate getInSampleFrom() {
            return inSampleFrom;
        }

        public LocalDate getInSampleTo() {
            return inSampleTo;
        }

        public LocalDate getOutOfSampleFrom() {
            return outOfSampleFrom;
        }

        public LocalDate getOutOfSampleTo() {
            return outOfSampleTo;
        }

        /** The chosen combination's values as JSON, if one was chosen. */
        public Optional<String> parameters() {
            return Optional.ofNullable(parameters);
        }

        public Double getInSampleValue() {
            return inSampleValue;
        }

        public Double getInSampleReturn() {
            return inSampleReturn;
        }

        public Double getInSampleSharpe() {
            return inSampleSharpe;
        }

        public Double getOutOfSampleReturn() {
            return outOfSampleReturn;
        }

        public Double getOutOfSampleSharpe() {
            return outOfSampleSharpe;
        }

        public BigDecimal getOutOfSampleEquity() {
            return outOfSampleEquity;
        }

        public int getFailedRuns() {
            return failedRuns;
        }
    }
}
