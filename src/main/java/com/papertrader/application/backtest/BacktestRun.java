package com.papertrader.application.backtest;

import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.trading.CashColumn;
import com.papertrader.domain.trading.PriceColumn;
import com.papertrader.domain.trading.portfolio.PositionSide;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A backtest as requested and, once finished, its results: the statistics as columns, the trades, the equity curve
 * and the buy-and-hold holdings as rows of their own tables. Ratios that are no number (NaN) are stored as null.
 */
@Entity
@Table(name = "backtest_runs")
@NamedQuery(name = BacktestRun.FIND_ALL, query = "select r from BacktestRun r where r.sweepId is null order by r.createdAt desc")
@NamedQuery(name = BacktestRun.FIND_BY_SWEEP, query = "select r from BacktestRun r where r.sweepId = :sweep order by r.sweepIndex")
public class BacktestRun {

    /** The backtests asked for one by one (a sweep's runs are listed with their sweep). */
    public static final String FIND_ALL = "BacktestRun.findAll";
    public static final String FIND_BY_SWEEP = "BacktestRun.findBySweep";

    public enum Status {
        QUEUED, RUNNING, DONE, CANCELED, FAILED;

        public boolean isFinished() {
            return this == DONE || this == CANCELED || this == FAILED;
        }
    }

    @Id
    @Column(length = 36)
    private String id;
    @Column(nullable = false)
    private String agentId;
    @Column(nullable = false, length = 2000)
    private String tickers;
    private LocalDate fromDay;
    private LocalDate toDay;
    /** Where the bars came from: "stored bars" or the uploaded file's name. */
    @Column(nullable = false)
    private String source;
    @Convert(converter = CashColumn.class)
    @Column(nullable = false)
    private BigDecimal startingCash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;
    private long barsTotal;
    private long barsDone;
    @Column(length = 2000)
    private String error;
    @Column(nullable = false)
    private Instant createdAt;
    private Instant finishedAt;

    @Convert(converter = CashColumn.class)
    private BigDecimal endEquity;
    private Double totalReturn;
    private Double cagr;
    private Double sharpe;
    private Double sortino;
    private Double maxDrawdown;
    private Long maxDrawdownSeconds;
    private Integer tradeCount;
    private Double winRate;
    private Double profitFactor;
    @Convert(converter = CashColumn.class)
    private BigDecimal averageWin;
    @Convert(converter = CashColumn.class)
    private BigDecimal averageLoss;
    private Double exposure;
    private Double calmar;
    private Double sqn;
    private Double averageMae;
    private Double averageMfe;
    private Integer longestLosingStreak;
    private Double turnover;
    @Convert(converter = CashColumn.class)
    private BigDecimal buyAndHoldEquity;
    @Column(length = 2000)
    private String agentStopped;
    /** The sweep this run is a combination of, its place in the sweep's grid and the parameters it ran with. */
    @Column(length = 36)
    private String sweepId;
    private Integer sweepIndex;
    @Column(length = 8192)
    private String parameters;

    @ElementCollection
    @CollectionTable(name = "backtest_trades", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "seq")
    private List<TradeRow> trades = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "backtest_equity", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "seq")
    private List<EquityRow> equity = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "backtest_holdings", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "seq")
    private List<HoldingRow> holdings = new ArrayList<>();

    protected BacktestRun() {
        // for JPA
    }

    public BacktestRun(String id, String agentId, List<String> tickers, LocalDate fromDay, LocalDate toDay, String source,
                       BigDecimal startingCash, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.agentId = Objects.requireNonNull(agentId, "agentId");
        this.tickers = String.join(",", tickers);
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.source = Objects.requireNonNull(source, "source");
        this.startingCash = Objects.requireNonNull(startingCash, "startingCash");
        this.status = Status.QUEUED;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Combination {@code index} of a sweep, queued: the sweep's backtest with these parameters. */
    public static BacktestRun ofSweep(BacktestSweep sweep, int index, AgentParameters parameters) {
        BacktestRequest request = sweep.request();
        BacktestRun run = new BacktestRun(UUID.randomUUID().toString(), request.agentId(), request.tickers(), request.from(),
                request.to(), request.rawPrices() ? "stored bars, raw prices" : "stored bars", request.startingCash(),
                sweep.getCreatedAt());
        run.sweepId = sweep.getId();
        run.sweepIndex = index;
        run.parameters = parameters.toJson();
        return run;
    }

    /** A run cut off (canceled, or by a restart) queued to run again, as the resume of its sweep does. */
    public void queuedAgain() {
        status = Status.QUEUED;
        barsDone = 0;
        error = null;
        finishedAt = null;
    }

    public void started(long totalBars) {
        status = Status.RUNNING;
        barsTotal = totalBars;
    }

    /** Keeps a finished (or canceled) run's results. */
    public void finished(BacktestResult result, Instant at) {
        status = result.canceled() ? Status.CANCELED : Status.DONE;
        barsDone = result.barsProcessed();
        finishedAt = at;
        Statistics s = result.statistics();
        endEquity = s.endEquity();
        totalReturn = number(s.totalReturn());
        cagr = number(s.cagr());
        sharpe = number(s.sharpe());
        sortino = number(s.sortino());
        maxDrawdown = number(s.maxDrawdown());
        maxDrawdownSeconds = s.maxDrawdownDuration().getSeconds();
        tradeCount = s.trades();
        winRate = number(s.winRate());
        profitFactor = number(s.profitFactor());
        averageWin = s.averageWin();
        averageLoss = s.averageLoss();
        exposure = number(s.exposure());
        calmar = number(s.calmar());
        sqn = number(s.sqn());
        averageMae = number(s.averageMae());
        averageMfe = number(s.averageMfe());
        longestLosingStreak = s.longestLosingStreak();
        turnover = number(s.turnover());
        buyAndHoldEquity = result.buyAndHold().endEquity();
        agentStopped = result.agentStopped().map(BacktestRun::truncate).orElse(null);
        trades.clear();
        result.trades().forEach(trade -> trades.add(new TradeRow(trade)));
        equity.clear();
        double[] drawdowns = Statistics.Drawdown.of(result.equity()).series();
        for (int i = 0; i < result.equity().size(); i++) {
            equity.add(new EquityRow(result.equity().get(i), drawdowns[i]));
        }
        holdings.clear();
        result.buyAndHold().tickers().forEach(holding -> holdings.add(new HoldingRow(holding)));
    }

    public void failed(String reason, Instant at) {
        status = Status.FAILED;
        error = truncate(reason);
        finishedAt = at;
    }

    private static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    private static String truncate(String text) {
        return truncate(text, 2000);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    /** Total return of the buy-and-hold benchmark. */
    public Optional<Double> buyAndHoldReturn() {
        return buyAndHoldEquity == null ? Optional.empty()
                : Optional.of(buyAndHoldEquity.doubleValue() / startingCash.doubleValue() - 1);
    }

    public Optional<Duration> maxDrawdownDuration() {
        return Optional.ofNullable(maxDrawdownSeconds).map(Duration::ofSeconds);
    }

    public String getId() {
        return id;
    }

    public String getAgentId() {
        return agentId;
    }

    public List<String> getTickers() {
        return tickers.isEmpty() ? List.of() : Arrays.asList(tickers.split(","));
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public LocalDate getToDay() {
        return toDay;
    }

    public String getSource() {
        return source;
    }

    public BigDecimal getStartingCash() {
        return startingCash;
    }

    public Status getStatus() {
        return status;
    }

    public long getBarsTotal() {
        return barsTotal;
    }

    public long getBarsDone() {
        return barsDone;
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

    public Double getCagr() {
        return cagr;
    }

    public Double getSharpe() {
        return sharpe;
    }

    public Double getSortino() {
        return sortino;
    }

    public Double getMaxDrawdown() {
        return maxDrawdown;
    }

    public Integer getTradeCount() {
        return tradeCount;
    }

    public Double getWinRate() {
        return winRate;
    }

    public Double getProfitFactor() {
        return profitFactor;
    }

    public BigDecimal getAverageWin() {
        return averageWin;
    }

    public BigDecimal getAverageLoss() {
        return averageLoss;
    }

    public Double getExposure() {
        return exposure;
    }

    public Double getCalmar() {
        return calmar;
    }

    public Double getSqn() {
        return sqn;
    }

    public Double getAverageMae() {
        return averageMae;
    }

    public Double getAverageMfe() {
        return averageMfe;
    }

    public Integer getLongestLosingStreak() {
        return longestLosingStreak;
    }

    public Double getTurnover() {
        return turnover;
    }

    public String getSweepId() {
        return sweepId;
    }

    public Integer getSweepIndex() {
        return sweepIndex;
    }

    /** The parameters the script read, when they were not the agent's own (a sweep's combination). */
    public Optional<AgentParameters> parameters() {
        return Optional.ofNullable(parameters).map(AgentParameters::fromJson);
    }

    public BigDecimal getBuyAndHoldEquity() {
        return buyAndHoldEquity;
    }

    public String getAgentStopped() {
        return agentStopped;
    }

    public List<TradeRow> getTrades() {
        return trades;
    }

    public List<EquityRow> getEquity() {
        return equity;
    }

    public List<HoldingRow> getHoldings() {
        return holdings;
    }

    /** One {@link Trade}. */
    @Embeddable
    public static class TradeRow {
        @Column(length = 16)
        private String ticker;
        @Enumerated(EnumType.STRING)
        @Column(length = 8)
        private PositionSide side;
        private long quantity;
        private Instant entryAt;
        @Convert(converter = PriceColumn.class)
        private BigDecimal entryPrice;
        @Column(length = 1000)
        private String entryReason;
        private Instant exitAt;
        @Convert(converter = PriceColumn.class)
        private BigDecimal exitPrice;
        @Column(length = 1000)
        private String exitReason;
        @Convert(converter = CashColumn.class)
        private BigDecimal pnl;
        private Double adverseExcursion;
        private Double favourableExcursion;

        protected TradeRow() {
            // for JPA
        }

        TradeRow(Trade trade) {
            ticker = trade.ticker();
            side = trade.side();
            quantity = trade.quantity();
            entryAt = trade.entryAt();
            entryPrice = trade.entryPrice();
            entryReason = truncate(trade.entryReason(), 1000);
            exitAt = trade.exitAt();
            exitPrice = trade.exitPrice();
            exitReason = truncate(trade.exitReason(), 1000);
            pnl = trade.pnl();
            adverseExcursion = number(trade.adverseExcursion());
            favourableExcursion = number(trade.favourableExcursion());
        }

        public String getTicker() {
            return ticker;
        }

        public PositionSide getSide() {
            return side;
        }

        public long getQuantity() {
            return quantity;
        }

        public Instant getEntryAt() {
            return entryAt;
        }

        public BigDecimal getEntryPrice() {
            return entryPrice;
        }

        public String getEntryReason() {
            return entryReason;
        }

        public Instant getExitAt() {
            return exitAt;
        }

        public BigDecimal getExitPrice() {
            return exitPrice;
        }

        public String getExitReason() {
            return exitReason;
        }

        public BigDecimal getPnl() {
            return pnl;
        }

        /** MAE as a fraction of the entry price; null for runs from before it was measured. */
        public Double getAdverseExcursion() {
            return adverseExcursion;
        }

        /** MFE as a fraction of the entry price; null for runs from before it was measured. */
        public Double getFavourableExcursion() {
            return favourableExcursion;
        }
    }

    /** One {@link EquityPoint} with its drawdown from the peak so far. */
    @Embeddable
    public static class EquityRow {
        private Instant at;
        @Convert(converter = CashColumn.class)
        private BigDecimal equity;
        private boolean exposed;
        private double drawdown;

        protected EquityRow() {
            // for JPA
        }

        EquityRow(EquityPoint point, double drawdown) {
            this.at = point.at();
            this.equity = point.equity();
            this.exposed = point.exposed();
            this.drawdown = drawdown;
        }

        public Instant getAt() {
            return at;
        }

        public BigDecimal getEquity() {
            return equity;
        }

        public boolean isExposed() {
            return exposed;
        }

        public double getDrawdown() {
            return drawdown;
        }
    }

    /** One ticker of the buy-and-hold benchmark. */
    @Embeddable
    public static class HoldingRow {
        @Column(length = 16)
        private String ticker;
        private long shares;
        @Convert(converter = PriceColumn.class)
        private BigDecimal entryPrice;
        @Convert(converter = PriceColumn.class)
        private BigDecimal exitPrice;

        protected HoldingRow() {
            // for JPA
        }

        HoldingRow(BuyAndHold.Holding holding) {
            ticker = holding.ticker();
            shares = holding.shares();
            entryPrice = holding.entryPrice();
            exitPrice = holding.exitPrice();
        }

        public String getTicker() {
            return ticker;
        }

        public long getShares() {
            return shares;
        }

        public BigDecimal getEntryPrice() {
            return entryPrice;
        }

        public BigDecimal getExitPrice() {
            return exitPrice;
        }

        public double getTickerReturn() {
            return new BuyAndHold.Holding(ticker, shares, entryPrice, exitPrice).tickerReturn();
        }
    }
}
