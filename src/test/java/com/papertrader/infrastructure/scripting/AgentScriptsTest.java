package com.papertrader.infrastructure.scripting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.papertrader.domain.agent.AgentDefinition;
import com.papertrader.domain.agent.AgentDryRun;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.TestBars;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests: each sample agent, with its own parameters, over a hand-made bar series (src/test/resources/golden,
 * whose comments work the expected signals out), must give exactly the expected signals on exactly the expected bars.
 */
class AgentScriptsTest {

    private static final RhinoAgentRuntime RUNTIME = new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse());
    private static final Map<String, AgentDefinition> AGENTS = AgentScriptFiles.fromClasspath(
            AgentScriptsTest.class.getClassLoader()).stream().collect(Collectors.toMap(d -> d.id().value(), d -> d));

    private record Expected(String time, Signal signal) {
    }

    private static Expected at(String time, String action, String stopLoss, String takeProfit, String reason) {
        return new Expected(time, new Signal(Signal.Action.valueOf(action), null, null, Signal.OrderType.MARKET, null, null,
                stopLoss == null ? null : new BigDecimal(stopLoss), null, null, takeProfit == null ? null : new BigDecimal(takeProfit),
                Signal.TimeInForce.DAY, reason));
    }

    static Stream<Arguments> goldenCases() {
        return Stream.of(
                Arguments.of("sma-crossover", List.of(
                        at("2025-03-10 12:50", "BUY", null, null, "SMA 10 crossed above SMA 30"),
                        at("2025-03-10 14:00", "EXIT", null, null, "SMA 10 crossed below SMA 30"))),
                Arguments.of("opening-range-breakout", List.of(
                        at("2025-03-11 10:10", "BUY", "99.0", "106.8",
                                "closed at 101.6 above the opening range high 101 on 2.1x average volume"),
                        at("2025-03-11 15:45", "EXIT", null, null, "flat before the close"))),
                Arguments.of("rsi-mean-reversion", List.of(
                        at("2025-03-12 10:40", "BUY", "103.88", null, "RSI(14) 0.0 below 30"),
                        at("2025-03-12 11:55", "EXIT", null, null, "RSI(14) 52.3 above 50"))),
                Arguments.of("macd-bollinger", List.of(
                        at("2025-03-13 12:35", "BUY", null, null, "MACD crossed above its signal line at %B 0.26"),
                        at("2025-03-13 14:55", "EXIT", null, null, "close 114.2 reached the upper band 112.84"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void sampleAgentSignalsOnTheExpectedBars(String agentId, List<Expected> expected) throws IOException {
        AgentDefinition agent = AGENTS.get(agentId);
        AgentDryRun.Report report = new AgentDryRun(RUNTIME, 100)
                .run(agent.id(), agent.script(), agent.parameters(), bars(agentId));

        assertNull(report.failure(), () -> "does not compile: " + report.failure());
        List<Expected> actual = new ArrayList<>();
        for (AgentDryRun.Step step : report.eventful()) {
            assertEquals(List.of(), step.result().rejections(), "rejections at " + step.bar().start());
            assertNull(step.result().error(), () -> "error at " + step.bar().start() + ": " + step.result().error());
            String time = newYork(step.bar());
            step.result().signals().forEach(signal -> actual.add(new Expected(time, signal)));
        }
        assertEquals(expected, actual);
    }

    @Test
    void everySampleAgentHasAGoldenCase() {
        assertEquals(AGENTS.keySet(), goldenCases().map(arguments -> (String) arguments.get()[0])
                .collect(Collectors.toSet()));
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static String newYork(Bar bar) {
        return TIME.format(bar.start().atZone(MarketCalendar.NEW_YORK));
    }

    /** Reads golden/{agent}.csv: time (New York), open, high, low, close, volume; # lines are comments. */
    private static List<Bar> bars(String agentId) throws IOException {
        try (InputStream in = AgentScriptsTest.class.getResourceAsStream("/golden/" + agentId + ".csv")) {
            List<Bar> bars = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("time")) {
                    continue;
                }
                String[] f = line.split(",");
                bars.add(TestBars.bar("AAPL", LocalDateTime.parse(f[0], TIME).atZone(MarketCalendar.NEW_YORK).toInstant(),
                        f[1], f[2], f[3], f[4], f[5]));
            }
            return bars;
        }
    }
}
