package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentScriptFilesTest {

    private static final String FILE = """
            /* agent
            {
              "name": "Test agent",
              "tickers": ["aapl", "MSFT"],
              "parameters": { "period": 20, "levels": [1, 2] },
              "risk": { "positionNotional": 2500, "maxOpenPositions": 2, "stopLossPercent": null }
            }
            */
            // a comment
            function scan(bars, ctx) {}
            """;

    @Test
    void readsTheMetadataCommentAndTheScriptAfterIt() {
        AgentDefinition definition = AgentScriptFiles.parse("test-agent.js", FILE);
        assertEquals(AgentId.of("test-agent"), definition.id());
        assertEquals("Test agent", definition.name());
        assertEquals(WatchedTickers.of("AAPL", "MSFT"), definition.tickers());
        assertEquals(AgentParameters.fromJson("{\"period\": 20, \"levels\": [1, 2]}"), definition.parameters());
        assertEquals(new AgentRiskSettings(new BigDecimal("2500"), 2, null, new BigDecimal("4"), false), definition.risk(),
                "missing risk settings take the defaults, null clears one");
        assertEquals("// a comment\nfunction scan(bars, ctx) {}\n", definition.script());
    }

    private static final java.time.Clock CLOCK_FOR_ACCOUNTS =
            java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneOffset.UTC);

    @Test
    void anAgentWrittenToItsFileIsReadBackTheSame() {
        AgentDefinition full = new AgentDefinition(AgentId.of("round-trip"), "Round */ trip \"quoted\"", "function scan(bars, ctx) {}\n",
                WatchedTickers.of("AAPL", "SPY"), AgentParameters.fromJson("{\"fast\": 10, \"note\": \"a */ b\"}"),
                new AgentRiskSettings(new BigDecimal("2500.00"), 3, new BigDecimal("2.5"), null, true, new BigDecimal("1000"), 15, 2,
                        new BigDecimal("20")), "shared-pot");
        String file = AgentScriptFiles.write(full);
        assertTrue(file.startsWith("/* agent\n{\n  \"name\": \"Round *\\/ trip"), file);
        assertEquals(full, AgentScriptFiles.parse("round-trip.js", file));

        AgentDefinition minimal = AgentScriptFiles.parse("minimal.js", "/* agent {\"name\": \"M\", \"tickers\": \"all\"} */\nfunction scan() {}");
        assertEquals(minimal, AgentScriptFiles.parse("minimal.js", AgentScriptFiles.write(minimal)));
        assertEquals(minimal, AgentDefinition.of(minimal.toAgent(CLOCK_FOR_ACCOUNTS)), "an agent of its own account names none");
    }

    @Test
    void allTickersAndDefaults() {
        AgentDefinition definition = AgentScriptFiles.parse("minimal.js",
                "/* agent {\"name\": \"Minimal\", \"tickers\": \"all\"} */\nfunction scan() {}");
        assertTrue(definition.tickers().isAll());
        assertEquals(AgentParameters.none(), definition.parameters());
        assertEquals(AgentRiskSettings.defaults(), definition.risk());
        assertEquals("function scan() {}", definition.script());
        assertEquals("minimal", definition.toAgent(CLOCK_FOR_ACCOUNTS).getAccountId(), "its own account by default");
    }

    @Test
    void theDailyLossLimitAndTheEndOfDayFlatten() {
        AgentDefinition definition = AgentScriptFiles.parse("day.js", "/* agent {\"name\": \"Day\", \"tickers\": \"all\","
                + " \"risk\": {\"maxDailyLoss\": 500, \"flattenMinutesBeforeClose\": 10, \"coolDownAfterLosses\": 3,"
                + " \"maxDrawdownPercent\": 12.5}} */\nfunction scan() {}");
        assertEquals(0, new BigDecimal("500").compareTo(definition.risk().getMaxDailyLoss()));
        assertEquals(0, new BigDecimal("12.5").compareTo(definition.risk().getMaxDrawdownPercent()));
        assertEquals(10, definition.risk().getFlattenMinutesBeforeClose());
        assertEquals(3, definition.risk().getCoolDownAfterLosses());

        AgentDefinition unlimited = AgentScriptFiles.parse("free.js", "/* agent {\"name\": \"Free\", \"tickers\": \"all\","
                + " \"risk\": {\"maxDailyLoss\": null}} */\nfunction scan() {}");
        assertNull(unlimited.risk().getMaxDailyLoss(), "null for no limit");
        assertNull(unlimited.risk().getFlattenMinutesBeforeClose(), "held overnight unless set");
        assertNull(unlimited.risk().getCoolDownAfterLosses(), "no cool-down unless set");
        assertNull(unlimited.risk().getMaxDrawdownPercent(), "no drawdown lock unless set");

        assertEquals("agent file x.js: flattenMinutesBeforeClose must be a whole number or null, got 2.5",
                assertThrows(IllegalArgumentException.class, () -> AgentScriptFiles.parse("x.js",
                        "/* agent {\"name\": \"X\", \"tickers\": \"all\", \"risk\": {\"flattenMinutesBeforeClose\": 2.5}} */"))
                        .getMessage());
    }

    @Test
    void anAccountSharedWithOtherAgents() {
        AgentDefinition definition = AgentScriptFiles.parse("pooled.js",
                "/* agent {\"name\": \"Pooled\", \"tickers\": \"all\", \"account\": \"team-pool\"} */\nfunction scan() {}");

        assertEquals("team-pool", definition.account());
        assertEquals("team-pool", definition.toAgent(CLOCK_FOR_ACCOUNTS).getAccountId());
    }

    @Test
    void errorsNameTheFileAndTheProblem() {
        assertEquals("agent file x.js: an agent file starts with a /* agent {...} */ comment holding its metadata",
                assertThrows(IllegalArgumentException.class, () -> AgentScriptFiles.parse("x.js", "function scan() {}")).getMessage());
        assertEquals("agent file x.js: the /* agent comment is not closed with */",
                assertThrows(IllegalArgumentException.class, () -> AgentScriptFiles.parse("x.js", "/* agent {")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentScriptFiles.parse("x.js", "/* agent {\"name\": } */"))
                .getMessage().startsWith("agent file x.js: the metadata is not a valid JSON object"));
        assertEquals("agent file x.js: unknown metadata key 'ticker'; expected account, name, parameters, risk, tickers",
                assertThrows(IllegalArgumentException.class,
                        () -> AgentScriptFiles.parse("x.js", "/* agent {\"name\": \"X\", \"ticker\": \"all\"} */")).getMessage());
        assertEquals("agent file x.js: tickers must be \"all\" or a list such as [\"AAPL\", \"MSFT\"]",
                assertThrows(IllegalArgumentException.class,
                        () -> AgentScriptFiles.parse("x.js", "/* agent {\"name\": \"X\", \"tickers\": \"AAPL\"} */")).getMessage());
        assertEquals("agent file x.js: name is required and must be a string",
                assertThrows(IllegalArgumentException.class,
                        () -> AgentScriptFiles.parse("x.js", "/* agent {\"tickers\": \"all\"} */")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentScriptFiles.parse("Bad Name.js", FILE))
                .getMessage().startsWith("agent file Bad Name.js: agent id 'Bad Name'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentScriptFiles.parse("x.js",
                "/* agent {\"name\": \"X\", \"tickers\": \"all\", \"risk\": {\"maxOpenPositions\": 0}} */"))
                .getMessage().contains("max open positions must be at least 1"));
    }

    @Test
    void readsEveryScriptOfAFolder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("b-agent.js"), FILE);
        Files.writeString(folder.resolve("a-agent.js"), FILE.replace("Test agent", "First"));
        Files.writeString(folder.resolve("README.md"), "# not an agent");

        List<AgentDefinition> definitions = AgentScriptFiles.fromDirectory(folder);
        assertEquals(List.of("a-agent", "b-agent"), definitions.stream().map(d -> d.id().value()).toList());
        assertEquals("First", definitions.get(0).name());
    }

    @Test
    void theSampleAgentsLoadFromTheClasspath() {
        List<AgentDefinition> definitions = AgentScriptFiles.fromClasspath(getClass().getClassLoader());
        assertEquals(List.of("opening-range-breakout", "rsi-mean-reversion", "sma-crossover", "macd-bollinger"),
                definitions.stream().map(d -> d.id().value()).toList());
        assertEquals("SMA crossover", definitions.get(2).name());
    }

    /** agents/index.txt is what the WAR loads from; it must list exactly the scripts of the agents folder. */
    @Test
    void theIndexListsEverySampleScript() throws IOException {
        Path agents = Path.of("agents");
        List<String> indexed = Files.readAllLines(agents.resolve(AgentScriptFiles.INDEX)).stream()
                .map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
        try (Stream<Path> files = Files.list(agents)) {
            List<String> scripts = files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".js"))
                    .map(name -> name.substring(0, name.length() - 3)).sorted().toList();
            assertEquals(scripts, indexed);
        }
    }
}
