package com.papertrader.application.backtest;

import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.settings.ScannerSettings;
import com.papertrader.application.settings.TradingSettings;
import com.papertrader.application.trading.BarClock;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.application.trading.PaperBrokers;
import com.papertrader.application.trading.SignalOrders;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRuntime;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one agent over historical bars with the live engine: the same {@link AgentScanner} (script, window, error
 * handling), a broker from {@link PaperBrokers} (fill model, slippage, fees, risk rules, calendar) and the same
 * {@link BarProcessor} pass per bar. Only the clock (bar time) and the feed (bars given here) differ from live
 * trading. Plain Java and single-threaded; progress is reported and cancellation checked every
 * {@link #PROGRESS_EVERY} bars.
 */
public final class Backtester {

    public static final int PROGRESS_EVERY = 1000;

    /** Hears how many of the period's bars are done. */
    @FunctionalInterface
    public interface Progress {
        void barsDone(long done);

        Progress NONE = done -> { };
    }

    private final AgentRuntime runtime;
    private final ScannerSettings scanning;
    private final TradingSettings trading;
    private final MarketCalendar calendar;
    private final CorporateActions corporateActions;

    /** Scans as the live scanner does ({@code scanning}) and fills as the live broker does ({@code trading}). */
    public Backtester(AgentRuntime runtime, ScannerSettings scanning, TradingSettings trading, MarketCalendar calendar) {
        this(runtime, scanning, trading, calendar, CorporateActions.NONE);
    }

    private Backtester(AgentRuntime runtime, ScannerSettings scanning, TradingSettings trading, MarketCalendar calendar,
                       CorporateActions corporateActions) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.scanning = Objects.requireNonNull(scanning, "scanning");
        this.trading = Objects.requireNonNull(trading, "trading");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.corporateActions = Objects.requireNonNull(corporateActions, "corporateActions");
    }

    /**
     * The same, following these splits and dividends as live trading does (at the first bar of their day: positions,
     * orders and the window); without them the bars are taken raw, as traded.
     */
    public Backtester following(CorporateActions actions) {
        return new Backtester(runtime, scanning, trading, calendar, actions);
    }

    /**
     * @param agent    the agent whose script, parameters and risk settings are tested; not changed (a copy runs)
     * @param tickers  the tickers it trades in the test, in place of those it watches
     * @param warmup   bars before the period, oldest first: scanned to fill the windows, never traded (as a backfill)
     * @param bars     the period's bars in time order, ticker breaking ties (see {@link #inTimeOrder})
     * @param canceled asked every {@link #PROGRESS_EVERY} bars; true stops the run with what was done so far
     * @throws IllegalArgumentException if the agent's script does not compile or the bars are not in time order
     */
    public BacktestResult run(Agent agent, List<String> tickers, BigDecimal startingCash, List<Bar> warmup,
                              Iterator<Bar> bars, Progress progress, BooleanSupplier canceled) {
        return run(agent, agent.getParameters(), tickers, startingCash, warmup, bars, progress, canceled);
    }

    /** The same with the script reading {@code parameters} in place of the agent's own (a sweep's combination). */
    public BacktestResult run(Agent agent, AgentParameters parameters, List<String> tickers, BigDecimal startingCash,
                              List<Bar> warmup, Iterator<Bar> bars, Progress progress, BooleanSupplier canceled) {
        Agent tested = copyOf(agent, parameters, tickers);
        // Nothing of a scan is kept: the orders carry the signals' reasons, the copy of the agent its errors.
        AgentScanner scanner = new AgentScanner(runtime, scanning.windowSize(), scanning.maxConsecutiveErrors());
        scanner.install(tested);
        if (!scanner.isCompiled(tested.getId())) {
            throw new IllegalArgumentException("The script of agent " + agent.getId().value() + " does not compile");
        }
        BarClock clock = new BarClock(Instant.EPOCH);
        Broker broker = PaperBrokers.create(clock, calendar, trading);
        String account = tested.getAccountId();
        broker.openAccount(account, startingCash, BigDecimal.ONE);
        broker.setRiskLimits(tested.getId().value(), SignalOrders.limits(tested.getRisk()));
        BarProcessor processor = new BarProcessor(broker, clock, scanner, BarProcessor.UNTIMED);
        processor.follow(corporateActions);
        warmup.forEach(bar -> processor.process(bar, false));

        Map<String, Order> orders = new LinkedHashMap<>();
        List<Fill> fills = new ArrayList<>();
        List<EquityPoint> equity = new ArrayList<>();
        PricePath path = new PricePath();
        long done = 0;
        boolean stopped = false;
        Bar previous = null;
        while (bars.hasNext()) {
            if (done % PROGRESS_EVERY == 0 && done > 0) {
                progress.barsDone(done);
                if (canceled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
            }
            Bar bar = bars.next();
            if (previous == null) {
                equity.add(new EquityPoint(bar.start(), startingCash, false));
            } else if (bar.start().isBefore(previous.start())) {
                throw new IllegalArgumentException("Bars out of time order: " + bar.ticker() + " " + bar.start()
                        + " after " + previous.ticker() + " " + previous.start());
            } else if (bar.start().isAfter(previous.start())) {
                equity.add(point(broker, account, previous.end()));
            }
            List<BrokerChanges> changed = processor.process(bar, true).broker();
            for (BrokerChanges changes : changed) {
                // each order once, as placed: the broker changes that same object as it fills or ends
                changes.placed().forEach(order -> orders.put(order.id(), order));
                fills.addAll(changes.fills());
            }
            // A bar on which a position was held or filled changed the broker (the fill, or the position marked to
            // its close): only those bars can lie within a trade, so only theirs are ranged for the excursions.
            path.add(bar, !changed.isEmpty());
            previous = bar;
            done++;
        }
        if (previous != null) {
            equity.add(point(broker, account, previous.end()));
        }
        progress.barsDone(done);
        if (equity.isEmpty()) {
            equity.add(new EquityPoint(Instant.EPOCH, startingCash, false));
        }
        List<Trade> trades = Trades.from(fills, orders, path);
        Optional<String> agentStopped = tested.getState() == AgentState.ERRORED
                ? Optional.of(tested.getLastError().orElse("stopped after failed scans")) : Optional.empty();
        Map<String, Bar> last = path.lastBars();
        return new BacktestResult(done, stopped, List.copyOf(orders.values()), fills, trades, equity,
                Statistics.of(equity, trades), BuyAndHold.of(startingCash, tickers, onTheBasisOf(path.firstBars(), last), last), agentStopped);
    }

    /** Each ticker's first bar on the share basis of its last one, so buy and hold holds across a split. */
    private Map<String, Bar> onTheBasisOf(Map<String, Bar> first, Map<String, Bar> last) {
        Map<String, Bar> adjusted = new HashMap<>();
        first.forEach((ticker, bar) -> adjusted.put(ticker, corporateActions.adjusted(bar,
                CorporateActions.tradingDay(last.get(ticker).start()))));
        return adjusted;
    }

    /** Merges bars that are each in time order (e.g. one list per ticker) into one time order, ticker breaking ties. */
    public static Iterator<Bar> inTimeOrder(List<List<Bar>> series) {
        return new TimeOrder(series);
    }

    private static EquityPoint point(Broker broker, String account, Instant at) {
        boolean exposed = broker.openPositions().stream().anyMatch(position -> position.accountId().equals(account));
        return new EquityPoint(at, broker.account(account).orElseThrow().equity(), exposed);
    }

    /** The agent as a new, enabled one watching the test's tickers, so the run changes nothing of the real one. */
    private static Agent copyOf(Agent agent, AgentParameters parameters, List<String> tickers) {
        Clock created = Clock.fixed(agent.getCreatedAt(), ZoneOffset.UTC);
        Agent copy = new Agent(agent.getId(), agent.getName(), agent.getScript(), WatchedTickers.of(tickers),
                parameters, agent.getRisk(), created);
        if (!agent.getAccountId().equals(agent.getId().value())) {
            copy.tradeIn(agent.getAccountId(), created);
        }
        return copy;
    }
}
