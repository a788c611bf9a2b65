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
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WalkForwardRunnerTest {

    private static final BigDecimal CASH = new BigDecimal("100000.00");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    private static final String DIP_BUYER = """
            function scan(bars, ctx) {
              var p = ctx.params;
              if (!ctx.position && bars.close(-1) < p.buyBelow) {
                return { action: "buy", qty: 10, reason: "below " + p.buyBelow };
              }
              if (ctx.position && bars.close(-1) > p.sellAbove) {
                return { action: "exit", reason: "above " + p.sellAbove };
              }
            }
            """;
    private static final ParameterGrid GRID = ParameterGrid.parse("{\"buyBelow\": [91, 95, 99], \"sellAbove\": [101, 105, 109]}");

    private final Backtester backtester = new Backtester(new RhinoAgentRuntime(SandboxLimits.defaults(), CALENDAR),
            BacktestFixtures.settings(Map.of()).scanner(), BacktestFixtures.settings(Map.of()).trading(), CALENDAR);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final Agent agent = new Agent(AgentId.of("dip-buyer"), "Dip buyer", DIP_BUYER, WatchedTickers.of("TEST"),
            AgentParameters.of(Map.of("buyBelow", 95, "sellAbove", 105)), new AgentRiskSettings(new BigDecimal("10000"), 5, null, null,
            false), CREATED);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /**
     * Three days, each one cycle from 100 down and back up and down to 100, each bar opening at the previous close: by
     * 10 on Wednesday (90 to 110), by 6 on Thursday (94 to 106), by 10 on Friday. One in-sample day, one out of sample.
     * Wednesday's best is buy below 91, sell above 109 (bought at 90, sold at 110: +200); on Thursday it never buys (0).
     * Thursday's best is buy below 95, sell above 105 (94 to 106: +120; sell above 109 holds to the close of 100: +60);
     * on Friday that buys at 94 and sells at 106: +120. Out of sample: 100,000 then 100,120.
     */
    @Test
    void eachWindowTradesOutOfSampleTheCombinationBestInSample() {
        WalkForwardRunner runner = new WalkForwardRunner(backtester, agent, List.of("TEST"), CASH, List.of(),
                List.of(days(10, 6, 10)), 200);
        AtomicInteger reported = new AtomicInteger();

        WalkForwardRunner.Result result = runner.run(GRID, SweepStatistic.TOTAL_RETURN, 1, 1, 2, pool, reported::set, () -> false);

        assertEquals(2, result.windows().size());
        assertEquals(2, reported.get());
        WalkForwardRunner.WindowResult first = result.windows().get(0);
        assertEquals(new WalkForwardRunner.Window(WEDNESDAY, WEDNESDAY, WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(1)), first.window());
        assertEquals(Map.of("buyBelow", n("91"), "sellAbove", n("109")), first.chosen().orElseThrow());
        assertEquals(0.002, first.inSampleValue(), 1e-12);
        assertEquals(n("100000.00"), first.outOfSample().orElseThrow().endEquity(), "no dip below 91 on Thursday");
        WalkForwardRunner.WindowResult second = result.windows().get(1);
        assertEquals(Map.of("buyBelow", n("95"), "sellAbove", n("105")), second.chosen().orElseThrow());
        assertEquals(0.0012, second.inSampleValue(), 1e-12);
        assertEquals(n("100000.00"), second.outOfSample().orElseThrow().startEquity(), "starts where the first window ended");
        assertEquals(n("100120.00"), second.outOfSample().orElseThrow().endEquity());

        assertEquals(n("100120.00"), result.outOfSample().endEquity());
        assertEquals(1, result.outOfSample().trades());
        assertEquals(1 + 25 + 41, result.equity().size(), "the starting point, then one per bar of Thursday and of Friday, joined");
        assertEquals((0.002 + 0.0012) / 2, result.inSampleMean(), 1e-12);
        assertEquals(9, result.trials());
        assertTrue(result.probabilisticSharpe() > 0 && result.probabilisticSharpe() < 1, "PSR " + result.probabilisticSharpe());
        assertTrue(result.deflatedSharpe() < result.probabilisticSharpe(), "the choice among 9 deflates it: " + result);
        assertTrue(!result.canceled());
    }

    @Test
    void windowsRollByTheOutOfSampleLength() {
        List<LocalDate> days = IntStream.range(0, 10).mapToObj(i -> WEDNESDAY.plusDays(i)).toList();

        List<WalkForwardRunner.Window> windows = WalkForwardRunner.windows(days, 4, 2);

        assertEquals(3, windows.size(), "starting on day 0, 2 and 4; the last two days make no whole window");
        assertEquals(new WalkForwardRunner.Window(days.get(2), days.get(5), days.get(6), days.get(7)), windows.get(1));
        assertEquals("the period has 5 trading days with bars; one window of 4 in-sample and 2 out-of-sample days needs 6",
                assertThrows(IllegalArgumentException.class, () -> WalkForwardRunner.windows(days.subList(0, 5), 4, 2)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WalkForwardRunner.windows(days, 0, 2));
    }

    @Test
    void canceledItStopsWithTheWindowsDone() {
        WalkForwardRunner runner = new WalkForwardRunner(backtester, agent, List.of("TEST"), CASH, List.of(),
                List.of(days(10, 6, 10)), 200);
        AtomicInteger done = new AtomicInteger();

        WalkForwardRunner.Result result = runner.run(GRID, SweepStatistic.TOTAL_RETURN, 1, 1, 1, pool, done::set, () -> done.get() >= 1);

        assertTrue(result.canceled());
        assertEquals(1, result.windows().size());
    }

    /** Consecutive trading days from Wednesday 2026-03-04, one cycle of the given amplitude each. */
    private static List<Bar> days(int... amplitudes) {
        List<Bar> bars = new ArrayList<>();
        for (int d = 0; d < amplitudes.length; d++) {
            Instant open = WEDNESDAY.plusDays(d).atTime(9, 30).atZone(MarketCalendar.NEW_YORK).toInstant();
            int amplitude = amplitudes[d];
            List<Integer> closes = new ArrayList<>();
            IntStream.rangeClosed(0, amplitude).forEach(i -> closes.add(100 - i));
            IntStream.rangeClosed(1, 2 * amplitude).forEach(i -> closes.add(100 - amplitude + i));
            IntStream.rangeClosed(1, amplitude).forEach(i -> closes.add(100 + amplitude - i));
            BigDecimal tick = new BigDecimal("0.10");
            for (int i = 0; i < closes.size(); i++) {
                BigDecimal from = BigDecimal.valueOf(i == 0 ? closes.get(0) : closes.get(i - 1));
                BigDecimal close = BigDecimal.valueOf(closes.get(i));
                bars.add(new Bar("TEST", open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), from,
                        from.max(close).add(tick), from.min(close).subtract(tick), close, BigDecimal.valueOf(10_000), null, null));
            }
        }
        return bars;
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }
}
