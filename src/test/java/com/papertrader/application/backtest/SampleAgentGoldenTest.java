package com.papertrader.application.backtest;

import static com.papertrader.application.backtest.BacktestFixtures.CALENDAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden runs: each sample agent (those agents/index.txt lists) over ten trading days of the simulated market (seed 42, from Monday
 * 2025-03-03) of AAPL, NVDA and TSLA, $100,000, the packaged settings. The trade lists and figures were recorded from
 * the engine (src/test/resources/backtest/*.golden.txt: one line per trade, then the figures); a change in any of
 * them means the engine now trades differently and must be explained.
 * BacktesterTest checks one agent's figures by hand.
 */
class SampleAgentGoldenTest {

    private static final List<String> TICKERS = List.of("AAPL", "NVDA", "TSLA");

    private final Backtester backtester = new Backtester(new RhinoAgentRuntime(SandboxLimits.defaults(), CALENDAR),
            BacktestFixtures.settings(Map.of()).scanner(), BacktestFixtures.settings(Map.of()).trading(), CALENDAR);

    @ParameterizedTest
    @MethodSource("com.papertrader.application.backtest.BacktestFixtures#sampleAgentIds")
    void tradesAndFiguresAsRecorded(String agent) throws IOException {
        BacktestResult result = run(agent);

        assertEquals(3 * 10 * 78, result.barsProcessed());
        assertEquals(golden(agent), describe(result));
    }

    /** src/test/resources/backtest/AGENT.golden.txt */
    private static String golden(String agent) throws IOException {
        try (InputStream in = SampleAgentGoldenTest.class.getResourceAsStream("/backtest/" + agent + ".golden.txt")) {
            assertNotNull(in, "agents/index.txt lists " + agent + ", which has no src/test/resources/backtest/" + agent
                    + ".golden.txt: record one (describe(result) of its run) and explain its trades");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private BacktestResult run(String agent) {
        return backtester.run(BacktestFixtures.sampleAgent(agent), TICKERS, new BigDecimal("100000.00"), List.of(),
                Backtester.inTimeOrder(BacktestFixtures.simulated(TICKERS, LocalDate.of(2025, 3, 3), 10)),
                Backtester.Progress.NONE, () -> false);
    }

    /** One line per trade, then the figures, rounded so that the text is stable. */
    static String describe(BacktestResult result) {
        String trades = result.trades().stream().map(trade -> trade.ticker() + " " + trade.side() + " " + trade.quantity()
                        + " " + trade.entryAt() + " @ " + trade.entryPrice().toPlainString() + " -> " + trade.exitAt() + " @ "
                        + (trade.exitPrice() == null ? "open" : trade.exitPrice().toPlainString()) + " pnl " + trade.pnl()
                        + " | " + trade.entryReason() + " | " + trade.exitReason())
                .collect(Collectors.joining("\n"));
        Statistics s = result.statistics();
        return trades + "\nend " + s.endEquity() + " return " + round(s.totalReturn()) + " sharpe " + round(s.sharpe())
                + " sortino " + round(s.sortino()) + " maxDD " + round(s.maxDrawdown()) + " for " + s.maxDrawdownDuration()
                + " trades " + s.trades() + " win " + round(s.winRate()) + " pf " + round(s.profitFactor())
                + " avgWin " + s.averageWin() + " avgLoss " + s.averageLoss() + " exposure " + round(s.exposure())
                + " buy&hold " + result.buyAndHold().endEquity() + "\ncalmar " + round(s.calmar()) + " sqn " + round(s.sqn())
                + " mae " + round(s.averageMae()) + " mfe " + round(s.averageMfe()) + " losing streak " + s.longestLosingStreak()
                + " turnover " + round(s.turnover());
    }

    private static String round(double value) {
        return Double.isNaN(value) ? "NaN" : String.format("%.6f", value);
    }
}
