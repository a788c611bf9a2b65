package com.papertrader.application.backtest;

import static com.papertrader.application.backtest.BacktestFixtures.CALENDAR;
import static com.papertrader.application.backtest.BacktestFixtures.CREATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SweepRunnerTest {

    private static final BigDecimal CASH = new BigDecimal("100000.00");
    private static final Instant OPEN = LocalDateTime.parse("2026-03-04T09:30").atZone(MarketCalendar.NEW_YORK).toInstant();
    /** Buys 10 shares when the close falls below buyBelow, sells them when it rises above sellAbove; refuses a pair that cannot trade. */
    private static final String DIP_BUYER = """
            function scan(bars, ctx) {
              var p = ctx.params;
              if (p.buyBelow >= p.sellAbove) {
                throw new Error("buyBelow (" + p.buyBelow + ") must be below sellAbove (" + p.sellAbove + ")");
              }
              if (!ctx.position && bars.close(-1) < p.buyBelow) {
                return { action: "buy", qty: 10, reason: "below " + p.buyBelow };
              }
              if (ctx.position && bars.close(-1) > p.sellAbove) {
                return { action: "exit", reason: "above " + p.sellAbove };
              }
            }
            """;

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
     * One cycle: closes 100 down to 90, up to 110, back to 100, each bar opening at the previous close, so a signal on a
     * close fills at that price on the next bar. buyBelow 91/95/99 buys at 90/94/98; sellAbove 101/105/109 sells at
     * 102/106/110; 10 shares: the profit is 10 × (sell − buy), best for (91, 109) with $200, worst for (99, 101) with $40.
     */
    @Test
    void aTwoParameterSweepRanksTheCombinationTheBarsMakeBestFirst() {
        ParameterGrid grid = ParameterGrid.parse("{\"buyBelow\": [91, 95, 99], \"sellAbove\": {\"from\": 101, \"to\": 109, \"step\": 4}}");
        Sweep sweep = new Sweep(grid);

        new SweepRunner(backtester, agent, List.of("TEST"), CASH, List.of(), List.of(cycle())).run(sweep.combinations, 2, pool,
                sweep, () -> false);

        List<BacktestRun> ranked = sweep.ranked(SweepStatistic.TOTAL_RETURN);
        assertEquals(Map.of("buyBelow", new BigDecimal("91"), "sellAbove", new BigDecimal("109")),
                ranked.get(0).parameters().orElseThrow().asMap());
        // By grid index (buyBelow slowest): 10 × (sell − buy) = 120, 160, 200, 80, 120, 160, 40, 80, 120; ties in grid order.
        assertEquals(List.of(2, 1, 5, 0, 4, 8, 3, 7, 6), ranked.stream().map(BacktestRun::getSweepIndex).toList());
        assertEquals(new BigDecimal("100200.00"), ranked.get(0).getEndEquity());
        assertEquals(new BigDecimal("100040.00"), ranked.get(8).getEndEquity());
        assertTrue(sweep.failures.isEmpty(), sweep.failures.toString());
    }

    @Test
    void severalThreadsGiveWhatOneGives() {
        ParameterGrid grid = ParameterGrid.parse("{\"buyBelow\": [91, 93, 95, 97, 99], \"sellAbove\": [101, 105, 109]}");
        Sweep onOne = new Sweep(grid);
        Sweep onTwo = new Sweep(grid);
        SweepRunner runner = new SweepRunner(backtester, agent, List.of("TEST"), CASH, List.of(), List.of(cycle()));

        runner.run(onOne.combinations, 1, pool, onOne, () -> false);
        runner.run(onTwo.combinations, 2, pool, onTwo, () -> false);

        for (int i = 0; i < grid.size(); i++) {
            BacktestResult one = onOne.results.get(onOne.runs.get(i).getId());
            BacktestResult two = onTwo.results.get(onTwo.runs.get(i).getId());
            assertEquals(one.statistics(), two.statistics(), "combination " + i);
            assertEquals(one.trades(), two.trades(), "combination " + i);
        }
    }

    @Test
    void aParameterTheScriptRejectsFailsThatRunAndTheOthersGoOn() {
        Sweep sweep = new Sweep(ParameterGrid.parse("{\"buyBelow\": [91, 95], \"sellAbove\": [93, 109]}"));

        new SweepRunner(backtester, agent, List.of("TEST"), CASH, List.of(), List.of(cycle())).run(sweep.combinations, 2, pool,
                sweep, () -> false);

        String failedRun = sweep.runs.get(2).getId();
        assertEquals(List.of(failedRun), List.copyOf(sweep.failures.keySet()), "(95, 93) cannot trade and is refused by the script");
        assertTrue(sweep.failures.get(failedRun).startsWith("the script stopped: "), sweep.failures.get(failedRun));
        assertTrue(sweep.failures.get(failedRun).contains("buyBelow (95) must be below sellAbove (93)"), sweep.failures.get(failedRun));
        assertEquals(BacktestRun.Status.FAILED, sweep.runs.get(2).getStatus());
        assertEquals(new BigDecimal("100040.00"), sweep.runs.get(0).getEndEquity(), "(91, 93): bought at 90, sold at 94");
        assertEquals(new BigDecimal("100200.00"), sweep.runs.get(1).getEndEquity());
        assertEquals(new BigDecimal("100160.00"), sweep.runs.get(3).getEndEquity());
        assertEquals(List.of(1, 3, 0, 2), sweep.ranked(SweepStatistic.TOTAL_RETURN).stream().map(BacktestRun::getSweepIndex).toList(),
                "the failed run last");
    }

    @Test
    void cancelMidSweepEndsTheRunGoingAndStartsNoMore() {
        List<List<Bar>> series = BacktestFixtures.simulated(List.of("AAPL", "MSFT"), LocalDate.of(2025, 3, 3), 10);
        Sweep sweep = new Sweep(ParameterGrid.parse("{\"buyBelow\": [150, 160, 170, 180], \"sellAbove\": [200]}"));
        AtomicBoolean cancel = new AtomicBoolean();
        sweep.onStart = index -> cancel.set(index == 1);

        new SweepRunner(backtester, agent, List.of("AAPL", "MSFT"), CASH, List.of(), series).run(sweep.combinations, 1, pool, sweep,
                cancel::get);

        assertEquals(BacktestRun.Status.DONE, sweep.runs.get(0).getStatus());
        assertEquals(1560, sweep.runs.get(0).getBarsDone());
        assertEquals(BacktestRun.Status.CANCELED, sweep.runs.get(1).getStatus(), "stopped at its first check after the cancel");
        assertEquals(1000, sweep.runs.get(1).getBarsDone());
        assertEquals(List.of(0, 1), sweep.started, "none started after the cancel");
        assertEquals(BacktestRun.Status.QUEUED, sweep.runs.get(2).getStatus());
        assertEquals(BacktestRun.Status.QUEUED, sweep.runs.get(3).getStatus());
    }

    @Test
    void theRunsOfASweepReadTheirCombinationOverTheAgentsOwnParameters() {
        Agent withMore = new Agent(AgentId.of("more"), "More", DIP_BUYER, WatchedTickers.of("TEST"),
                AgentParameters.of(Map.of("buyBelow", 95, "sellAbove", 105, "note", "kept")), agent.getRisk(), CREATED);
        Sweep sweep = new Sweep(ParameterGrid.parse("{\"sellAbove\": [109]}"), withMore);

        assertEquals(Map.of("buyBelow", new BigDecimal("95"), "sellAbove", new BigDecimal("109"), "note", "kept"),
                sweep.runs.get(0).parameters().orElseThrow().asMap());
        new SweepRunner(backtester, withMore, List.of("TEST"), CASH, List.of(), List.of(cycle())).run(sweep.combinations, 2, pool,
                sweep, () -> false);
        assertEquals(new BigDecimal("100160.00"), sweep.runs.get(0).getEndEquity(), "bought at 94 (below 95), sold at 110");
        assertFalse(sweep.runs.get(0).getStatus() == BacktestRun.Status.FAILED);
    }

    /** A sweep's runs in memory, ended as the service stores them. */
    private final class Sweep implements SweepRunner.Outcomes {
        final List<BacktestRun> runs = new ArrayList<>();
        final List<SweepRunner.Combination> combinations = new ArrayList<>();
        final Map<String, BacktestResult> results = new ConcurrentHashMap<>();
        final Map<String, String> failures = new ConcurrentHashMap<>();
        final List<Integer> started = new ArrayList<>();
        IntConsumer onStart = index -> { };

        Sweep(ParameterGrid grid) {
            this(grid, agent);
        }

        Sweep(ParameterGrid grid, Agent of) {
            BacktestRequest request = new BacktestRequest(of.getId().value(), List.of("TEST"), LocalDate.of(2026, 3, 4),
                    LocalDate.of(2026, 3, 4), CASH);
            BacktestSweep sweep = new BacktestSweep("sweep", request, of.getScriptHash(), of.getParameters().toJson(), grid,
                    SweepStatistic.SHARPE, CREATED.instant());
            List<Map<String, Object>> values = grid.combinations();
            for (int i = 0; i < values.size(); i++) {
                BacktestRun run = BacktestRun.ofSweep(sweep, i, ParameterGrid.overlay(of.getParameters(), values.get(i)));
                runs.add(run);
                combinations.add(new SweepRunner.Combination(run.getId(), run.parameters().orElseThrow()));
            }
        }

        @Override
        public synchronized RunProgress started(SweepRunner.Combination combination, long bars) {
            BacktestRun run = run(combination);
            run.started(bars);
            started.add(run.getSweepIndex());
            onStart.accept(run.getSweepIndex());
            return new RunProgress();
        }

        @Override
        public synchronized void finished(SweepRunner.Combination combination, BacktestResult result) {
            results.put(combination.runId(), result);
            run(combination).finished(result, CREATED.instant());
        }

        @Override
        public synchronized void failed(SweepRunner.Combination combination, String reason) {
            failures.put(combination.runId(), reason);
            run(combination).failed(reason, CREATED.instant());
        }

        List<BacktestRun> ranked(SweepStatistic statistic) {
            List<BacktestRun> ranked = new ArrayList<>(runs);
            ranked.sort(statistic.ranking());
            return ranked;
        }

        private BacktestRun run(SweepRunner.Combination combination) {
            return runs.stream().filter(run -> run.getId().equals(combination.runId())).findFirst().orElseThrow();
        }
    }

    /** 41 bars of TEST from 09:30 New York: closes 100, 99, ..., 90, 91, ..., 110, 109, ..., 100. */
    private static List<Bar> cycle() {
        List<Integer> closes = new ArrayList<>();
        IntStream.rangeClosed(0, 10).forEach(i -> closes.add(100 - i));
        IntStream.rangeClosed(1, 20).forEach(i -> closes.add(90 + i));
        IntStream.rangeClosed(1, 10).forEach(i -> closes.add(110 - i));
        List<Bar> bars = new ArrayList<>();
        BigDecimal tick = new BigDecimal("0.10");
        for (int i = 0; i < closes.size(); i++) {
            BigDecimal open = BigDecimal.valueOf(i == 0 ? closes.get(0) : closes.get(i - 1));
            BigDecimal close = BigDecimal.valueOf(closes.get(i));
            bars.add(new Bar("TEST", OPEN.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), open,
                    open.max(close).add(tick), open.min(close).subtract(tick), close, BigDecimal.valueOf(10_000), null, null));
        }
        return bars;
    }
}
