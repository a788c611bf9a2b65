package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.TestBars;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentDryRunTest {

    private static final AgentId ID = AgentId.of("stub");

    private static Signal signal(String action, Object... more) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("action", action));
        for (int i = 0; i < more.length; i += 2) {
            fields.put((String) more[i], more[i + 1]);
        }
        return Signal.from(fields);
    }

    /** A runtime whose script answers the n-th scan with the n-th list of signals, and records what each scan saw. */
    private static final class ScriptedRuntime implements AgentRuntime {
        final List<List<Signal>> answers;
        final List<OpenPosition> positionsSeen = new ArrayList<>();
        final List<Integer> windowSizesSeen = new ArrayList<>();

        ScriptedRuntime(List<List<Signal>> answers) {
            this.answers = answers;
        }

        @Override
        public Compilation compile(AgentId agentId, String source) {
            if (source.contains("syntax error")) {
                return new Compilation.Failure(List.of(new ScriptError(ScriptError.Kind.SYNTAX, "missing }", 3, 1)));
            }
            return new Compilation.Success(new AgentScript() {
                public AgentId agentId() {
                    return agentId;
                }

                public String scriptHash() {
                    return Agent.sha256(source);
                }
            });
        }

        @Override
        public ScanResult scan(AgentScript script, BarWindow window, ScanContext context) {
            positionsSeen.add(context.position());
            windowSizesSeen.add(window.size());
            return new ScanResult(answers.get(positionsSeen.size() - 1), List.of(), null, Duration.ZERO);
        }
    }

    @Test
    void scansEveryBarInOrderAndTracksTheNaivePosition() {
        List<Bar> bars = TestBars.closes("AAPL", TestBars.at(2025, 3, 14, 9, 30), 100, 110, 120, 130);
        ScriptedRuntime runtime = new ScriptedRuntime(List.of(
                List.of(signal("buy", "qty", 10)), List.of(signal("buy", "notional", 1100)), List.of(), List.of(signal("exit"))));

        AgentDryRun.Report report = new AgentDryRun(runtime, 3).run(ID, "script", AgentParameters.none(), bars);

        assertNull(report.failure());
        assertEquals(4, report.steps().size());
        assertSame(bars.get(1), report.steps().get(1).bar());
        assertEquals(List.of(1, 2, 3, 3), runtime.windowSizesSeen);
        assertNull(runtime.positionsSeen.get(0));
        assertEquals(new OpenPosition(OpenPosition.Side.LONG, new BigDecimal("10"), new BigDecimal("100")), runtime.positionsSeen.get(1));
        // 10 at 100 plus 1100 / 110 = 10 at 110: 20 at 105
        assertEquals(new OpenPosition(OpenPosition.Side.LONG, new BigDecimal("20.0000"), new BigDecimal("105.000000")),
                runtime.positionsSeen.get(3));
        assertEquals(3, report.eventful().size(), "the bar without signals is not eventful");
    }

    @Test
    void reportsACompileFailureWithoutScanning() {
        ScriptedRuntime runtime = new ScriptedRuntime(List.of());
        AgentDryRun.Report report = new AgentDryRun(runtime, 10).run(ID, "syntax error", AgentParameters.none(),
                TestBars.closes("AAPL", TestBars.at(2025, 3, 14, 9, 30), 1));
        assertEquals("line 3:1: missing }", report.failure().errors().get(0).toString());
        assertEquals(List.of(), report.steps());
    }

    @Test
    void fillsFollowTheActions() {
        BigDecimal price = new BigDecimal("50");
        OpenPosition longTen = new OpenPosition(OpenPosition.Side.LONG, BigDecimal.TEN, new BigDecimal("40"));
        assertEquals(new OpenPosition(OpenPosition.Side.LONG, new BigDecimal("6"), new BigDecimal("40")),
                AgentDryRun.fill(longTen, signal("sell", "qty", 4), price), "selling part keeps the average");
        assertNull(AgentDryRun.fill(longTen, signal("sell", "qty", 40), price), "selling more than held closes");
        assertSame(null, AgentDryRun.fill(null, signal("sell"), price), "nothing to sell when flat");
        assertEquals(longTen, AgentDryRun.fill(longTen, signal("cover"), price), "nothing to cover when long");
        assertEquals(new OpenPosition(OpenPosition.Side.SHORT, new BigDecimal("33.3333"), price),
                AgentDryRun.fill(null, signal("short", "notional", 1666.666), price));
        assertEquals(new OpenPosition(OpenPosition.Side.SHORT, BigDecimal.ONE, price),
                AgentDryRun.fill(null, signal("short"), price), "one share when the signal gives no size");
        assertEquals(new OpenPosition(OpenPosition.Side.SHORT, new BigDecimal("5"), price),
                AgentDryRun.fill(longTen, signal("short", "qty", 15), price), "a reversal opens at the price");
        assertNull(AgentDryRun.fill(new OpenPosition(OpenPosition.Side.SHORT, BigDecimal.TEN, price), signal("exit"), price));
    }
}
