package com.papertrader.application.backtest;

import static com.papertrader.application.backtest.BacktestFixtures.CALENDAR;
import static com.papertrader.application.backtest.BacktestFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderRole;
import com.papertrader.domain.trading.portfolio.PositionSide;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BacktesterTest {

    private static final BigDecimal CASH = new BigDecimal("100000.00");
    private static final Instant OPEN = LocalDateTime.parse("2026-03-04T09:30").atZone(MarketCalendar.NEW_YORK).toInstant();

    private final Backtester backtester = new Backtester(new RhinoAgentRuntime(SandboxLimits.defaults(), CALENDAR),
            BacktestFixtures.settings(Map.of()).scanner(), BacktestFixtures.settings(Map.of()).trading(), CALENDAR);

    /**
     * SMA crossover (fast 10, slow 30; $10,000 a position, stop −3 %, target +6 %) on a hand-made series of TEST:
     * closes 100 for bars 0–34, then 103 at bar 35, 104, 102, 105, 106, 107, 108, 110 (bar 42), 111, 112, 113; every bar
     * opens at the previous close, highs 0.10 above and lows 0.10 below the body.
     */
    @Test
    void smaCrossoverOnAHandCheckedSeries() {
        List<Bar> bars = handMade();

        BacktestResult result = backtester.run(BacktestFixtures.sampleAgent("sma-crossover"), List.of("TEST"), CASH,
                List.of(), bars.iterator(), Backtester.Progress.NONE, () -> false);

        // Bar 35: fast SMA 100.3 > slow 100.1, both 100 a bar earlier: a crossover. Buy $10,000 at the reference 103:
        // 97 shares, filled at bar 36's open 103.00. Brackets around 103: stop 99.91 (−3 %), target 109.18 (+6 %).
        // Bar 42 (open 108, high 110.10) reaches the target: sold at the limit 109.18. P&L 97 × 6.18 = 599.46.
        assertEquals(46, result.barsProcessed());
        assertEquals(1, result.trades().size());
        Trade trade = result.trades().get(0);
        assertEquals(PositionSide.LONG, trade.side());
        assertEquals(97, trade.quantity());
        assertEquals(bars.get(36).start(), trade.entryAt());
        assertEquals(new BigDecimal("103.0000"), trade.entryPrice());
        assertEquals("SMA 10 crossed above SMA 30", trade.entryReason());
        assertEquals(bars.get(42).start(), trade.exitAt());
        assertEquals(new BigDecimal("109.1800"), trade.exitPrice());
        assertTrue(trade.exitReason().startsWith("take profit at 109.1800"), trade.exitReason());
        assertEquals(new BigDecimal("599.46"), trade.pnl());
        Order stop = result.orders().stream().filter(order -> order.role() == OrderRole.STOP_LOSS).findFirst().orElseThrow();
        assertEquals(new BigDecimal("99.91"), stop.stopPrice().stripTrailingZeros(), "canceled by the target (OCO)");

        Statistics stats = result.statistics();
        assertEquals(new BigDecimal("100599.46"), stats.endEquity());
        assertEquals(0.0059946, stats.totalReturn(), 1e-12);
        // Marked at bar 36's close 104: 100,097; at bar 37's 102: 99,903. Drawdown 194 / 100,097, back above the peak
        // at bar 38's close (105: 100,194): from bar 36's close to bar 38's, 10 minutes.
        assertEquals(194.0 / 100_097.0, stats.maxDrawdown(), 1e-12);
        assertEquals(Duration.ofMinutes(10), stats.maxDrawdownDuration());
        assertEquals(6.0 / 46.0, stats.exposure(), 1e-12, "held at the close of bars 36 to 41 of 46");
        assertEquals(1, stats.trades());
        assertEquals(1.0, stats.winRate());
        assertTrue(Double.isNaN(stats.profitFactor()), "no losing trade");
        assertEquals(new BigDecimal("599.46"), stats.averageWin());
        assertEquals(47, result.equity().size(), "the starting cash and one point per bar");
        // Buy and hold: 100,000 / 100 = 1,000 shares at bar 0's open 100.00, worth 113 at the last close.
        assertEquals(new BigDecimal("113000.00"), result.buyAndHold().endEquity());
    }

    @Test
    void theAgentCannotSeeTheNextBar() {
        Agent peeker = agent("peeker", """
                function scan(bars, ctx) {
                  var next;
                  try { next = bars.close(bars.length); } catch (e) { next = "refused"; }
                  var indexed = bars[bars.length] === undefined ? "undefined" : "seen";
                  if (!ctx.position && bars.length === 3) {
                    return { action: "buy", qty: 10, reason: bars.t(-1) + " " + ctx.time.epochMs + " " + next + " " + indexed };
                  }
                }
                """);
        List<Bar> bars = handMade().subList(0, 6);

        BacktestResult result = backtester.run(peeker, List.of("TEST"), CASH, List.of(), bars.iterator(),
                Backtester.Progress.NONE, () -> false);

        Order entry = result.orders().get(0);
        long signalBar = bars.get(2).start().toEpochMilli();
        assertEquals(signalBar + " " + signalBar + " refused undefined", entry.reason(),
                "the newest bar it sees is the one being scanned; reading past it is refused");
        Fill fill = result.fills().get(0);
        assertEquals(bars.get(3).start(), fill.filledAt(), "the order fills on the next bar, never on the one that made it");
        assertEquals(0, bars.get(3).open().compareTo(fill.price()), "at the next bar's open, not at a price the agent saw");
    }

    @Test
    void progressIsReportedAndCancelStopsTheRun() {
        List<List<Bar>> series = BacktestFixtures.simulated(List.of("AAPL", "MSFT"), LocalDate.of(2025, 3, 3), 10);
        AtomicBoolean cancel = new AtomicBoolean();
        List<Long> reported = new ArrayList<>();

        BacktestResult result = backtester.run(BacktestFixtures.sampleAgent("sma-crossover"), List.of("AAPL", "MSFT"), CASH,
                List.of(), Backtester.inTimeOrder(series), done -> {
                    reported.add(done);
                    cancel.set(done >= 1000);
                }, cancel::get);

        assertTrue(result.canceled());
        assertEquals(1000, result.barsProcessed(), "stopped at the first check after the cancel");
        assertEquals(List.of(1000L, 1000L), reported, "at the check, then the final count");
    }

    @Test
    void theRealAgentIsNotChangedByItsBacktest() {
        Agent broken = agent("broken", "function scan(bars, ctx) { return undefinedVariable; }");

        BacktestResult result = backtester.run(broken, List.of("TEST"), CASH, List.of(), handMade().iterator(),
                Backtester.Progress.NONE, () -> false);

        assertTrue(result.agentStopped().orElseThrow().contains("undefinedVariable"));
        assertEquals(AgentState.ENABLED, broken.getState(), "only the backtest's copy was paused");
        assertEquals(0, broken.getConsecutiveErrors());
    }

    @Test
    void barsOutOfTimeOrderAreRefused() {
        List<Bar> bars = new ArrayList<>(handMade().subList(0, 3));
        bars.add(bars.remove(0));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> backtester.run(
                agent("quiet", "function scan(bars, ctx) { }"), List.of("TEST"), CASH, List.of(), bars.iterator(),
                Backtester.Progress.NONE, () -> false));
        assertTrue(refused.getMessage().contains("out of time order"), refused.getMessage());
    }

    @Test
    void aScriptThatDoesNotCompileIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> backtester.run(
                agent("bad", "function scan(bars, ctx) {"), List.of("TEST"), CASH, List.of(), handMade().iterator(),
                Backtester.Progress.NONE, () -> false));
        assertTrue(refused.getMessage().contains("does not compile"), refused.getMessage());
    }

    @Test
    void mergesSeriesInTimeOrderWithTheTickerBreakingTies() {
        List<List<Bar>> series = BacktestFixtures.simulated(List.of("MSFT", "AAPL"), LocalDate.of(2025, 3, 3), 1);
        List<String> order = new ArrayList<>();
        Backtester.inTimeOrder(series).forEachRemaining(bar -> order.add(bar.ticker() + "@" + bar.start()));

        assertEquals(156, order.size());
        assertEquals("AAPL@" + series.get(0).get(0).start(), order.get(0));
        assertEquals("MSFT@" + series.get(0).get(0).start(), order.get(1));
        assertEquals("AAPL@" + series.get(0).get(1).start(), order.get(2));
    }

    private static Agent agent(String id, String script) {
        return new Agent(AgentId.of(id), id, script, WatchedTickers.of("TEST"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), CREATED);
    }

    /** The series of the SMA crossover test: 46 bars from 09:30 New York on Wednesday 2026-03-04. */
    private static List<Bar> handMade() {
        List<BigDecimal> closes = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            closes.add(new BigDecimal("100.00"));
        }
        for (String close : List.of("103", "104", "102", "105", "106", "107", "108", "110", "111", "112", "113")) {
            closes.add(new BigDecimal(close + ".00"));
        }
        List<Bar> bars = new ArrayList<>();
        BigDecimal tick = new BigDecimal("0.10");
        for (int i = 0; i < closes.size(); i++) {
            BigDecimal open = i == 0 ? closes.get(0) : closes.get(i - 1);
            BigDecimal close = closes.get(i);
            bars.add(new Bar("TEST", OPEN.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), open,
                    open.max(close).add(tick), open.min(close).subtract(tick), close, BigDecimal.valueOf(10_000), null, null));
        }
        return bars;
    }
}
