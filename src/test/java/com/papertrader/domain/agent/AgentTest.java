package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentTest {

    private static final Instant CREATED = Instant.parse("2025-03-14T14:00:00Z");
    private static final Clock CLOCK = Clock.fixed(CREATED, ZoneOffset.UTC);
    private static final Clock LATER = Clock.fixed(CREATED.plusSeconds(3600), ZoneOffset.UTC);

    private static Agent agent() {
        return new Agent(AgentId.of("sma-crossover"), "SMA crossover", "function scan(bars, ctx) {}",
                WatchedTickers.of("AAPL", "MSFT"), AgentParameters.fromJson("{\"fast\": 10}"), AgentRiskSettings.defaults(), CLOCK);
    }

    @Test
    void aNewAgentIsEnabledAndVersionedByTheHashOfItsScript() {
        Agent agent = agent();
        assertEquals(AgentState.ENABLED, agent.getState());
        assertEquals(Agent.sha256("function scan(bars, ctx) {}"), agent.getScriptHash());
        assertEquals(CREATED, agent.getCreatedAt());
        assertEquals(CREATED, agent.getUpdatedAt());
        assertEquals(0, agent.getConsecutiveErrors());
        assertEquals(Optional.empty(), agent.getLastError());
        assertTrue(agent.scans("AAPL"));
        assertFalse(agent.scans("TSLA"));
    }

    @Test
    void everyChangeByAPersonMovesTheEditVersionAndScansDoNot() {
        Agent agent = agent();
        long opened = agent.getEditVersion();
        assertEquals(CREATED.toEpochMilli(), opened);
        agent.recordScanSuccess();
        assertEquals(opened, agent.getEditVersion(), "the scanner's bookkeeping is not an edit");
        agent.pause(LATER);
        assertEquals(CREATED.plusSeconds(3600).toEpochMilli(), agent.getEditVersion());
        agent.rename("SMA crossover 2", Clock.fixed(CREATED.plusSeconds(3600).plusNanos(400_000), ZoneOffset.UTC));
        assertEquals(CREATED.plusSeconds(3600).toEpochMilli(), agent.getEditVersion(),
                "to the millisecond, as stored: a change within the same millisecond is not told apart");
    }

    @Test
    void sha256IsTheHexDigestOfTheUtf8Text() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Agent.sha256("abc"));
    }

    @Test
    void pausesItselfAfterTooManyConsecutiveErrors() {
        Agent agent = agent();
        assertFalse(agent.recordScanError("ReferenceError: x is not defined", 3));
        assertFalse(agent.recordScanError("ReferenceError: x is not defined", 3));
        assertEquals(AgentState.ENABLED, agent.getState());
        assertTrue(agent.recordScanError("line 4: TypeError: boom", 3));

        assertEquals(AgentState.ERRORED, agent.getState());
        assertEquals(3, agent.getConsecutiveErrors());
        assertEquals(Optional.of("line 4: TypeError: boom"), agent.getLastError());
        assertFalse(agent.scans("AAPL"));
        assertFalse(agent.recordScanError("late error", 3), "an agent that is not running is not paused again");
        assertEquals(AgentState.ERRORED, agent.getState());
    }

    @Test
    void aSuccessfulScanEndsTheErrorStreak() {
        Agent agent = agent();
        agent.recordScanError("boom", 2);
        agent.recordScanSuccess();
        assertFalse(agent.recordScanError("boom again", 2));
        assertEquals(AgentState.ENABLED, agent.getState());
        assertEquals(Optional.of("boom again"), agent.getLastError(), "the last error stays visible");
    }

    @Test
    void enablingForgetsTheStreak() {
        Agent agent = agent();
        agent.recordScanError("boom", 1);
        agent.enable(LATER);
        assertEquals(AgentState.ENABLED, agent.getState());
        assertEquals(0, agent.getConsecutiveErrors());
        assertEquals(LATER.instant(), agent.getUpdatedAt());
    }

    @Test
    void aPausedAgentIsNotScanned() {
        Agent agent = agent();
        agent.pause(LATER);
        assertEquals(AgentState.PAUSED, agent.getState());
        assertFalse(agent.scans("AAPL"));
        assertFalse(agent.recordScanError("boom", 1));
        assertEquals(AgentState.PAUSED, agent.getState(), "errors do not turn a person's pause into ERRORED");
    }

    @Test
    void aNewScriptGetsANewHashAndACleanSlate() {
        Agent agent = agent();
        agent.recordScanError("boom", 5);
        agent.replaceScript("function scan() { return; }", LATER);
        assertEquals(Agent.sha256("function scan() { return; }"), agent.getScriptHash());
        assertEquals(0, agent.getConsecutiveErrors());
        assertEquals(Optional.empty(), agent.getLastError());
        assertEquals(LATER.instant(), agent.getUpdatedAt());
        assertEquals(CREATED, agent.getCreatedAt());
    }

    @Test
    void editsTouchTheUpdateTime() {
        Agent agent = agent();
        agent.watch(WatchedTickers.all(), LATER);
        assertTrue(agent.scans("TSLA"));
        agent.rename("  Trend  ", CLOCK);
        assertEquals("Trend", agent.getName());
        agent.reparameterize(AgentParameters.fromJson("{\"fast\": 5}"), LATER);
        assertEquals(new java.math.BigDecimal("5"), agent.getParameters().asMap().get("fast"));
        assertEquals(LATER.instant(), agent.getUpdatedAt());
    }

    @Test
    void longErrorMessagesAreCut() {
        Agent agent = agent();
        agent.recordScanError("x".repeat(5000), 10);
        assertEquals(Agent.MAX_ERROR_LENGTH, agent.getLastError().orElseThrow().length());
    }

    @Test
    void refusesEmptyNamesAndScripts() {
        assertThrows(IllegalArgumentException.class, () -> new Agent(AgentId.of("a"), " ", "x", WatchedTickers.all(),
                AgentParameters.none(), AgentRiskSettings.defaults(), CLOCK));
        assertThrows(IllegalArgumentException.class, () -> new Agent(AgentId.of("a"), "A", "  ", WatchedTickers.all(),
                AgentParameters.none(), AgentRiskSettings.defaults(), CLOCK));
        assertThrows(IllegalArgumentException.class, () -> agent().replaceScript("x".repeat(Agent.MAX_SCRIPT_LENGTH + 1), CLOCK));
        assertThrows(IllegalArgumentException.class, () -> agent().recordScanError("boom", 0));
    }

    @Test
    void idsAreSlugs() {
        assertEquals("orb-2", AgentId.of("orb-2").value());
        assertEquals(AgentId.of("orb"), AgentId.of("orb"));
        assertThrows(IllegalArgumentException.class, () -> AgentId.of("Orb"));
        assertThrows(IllegalArgumentException.class, () -> AgentId.of("-orb"));
        assertThrows(IllegalArgumentException.class, () -> AgentId.of("a/b"));
        assertThrows(IllegalArgumentException.class, () -> AgentId.of(""));
    }
}
