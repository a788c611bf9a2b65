package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallBudgetTest {

    private static final Instant T0 = Instant.parse("2026-03-04T14:35:10Z");
    private final MutableClock clock = new MutableClock(T0);
    private final CallBudget freePlan = new CallBudget(5, clock);

    @Test
    void fiveCallsGoThenTheSixthWaitsForTheFirstToBeAMinuteOld() {
        for (int i = 0; i < 5; i++) {
            assertEquals(clock.instant(), freePlan.nextCallAt());
            assertTrue(freePlan.tryAcquire(), "call " + (i + 1));
            clock.advance(Duration.ofSeconds(2));
        }
        // calls at :10, :12, :14, :16, :18; now :20
        assertFalse(freePlan.tryAcquire());
        assertEquals(Instant.parse("2026-03-04T14:36:10Z"), freePlan.nextCallAt());

        clock.set(Instant.parse("2026-03-04T14:36:09.999Z"));
        assertFalse(freePlan.tryAcquire());
        clock.set(Instant.parse("2026-03-04T14:36:10Z"));
        assertTrue(freePlan.tryAcquire());
        assertEquals(Instant.parse("2026-03-04T14:36:12Z"), freePlan.nextCallAt());
    }

    @Test
    void callsAvailableNowCountsWhatTheLastMinuteLeavesAndNothingWhilePaused() {
        assertEquals(5, freePlan.callsAvailableNow());
        freePlan.tryAcquire();
        freePlan.tryAcquire();
        assertEquals(3, freePlan.callsAvailableNow());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(5, freePlan.callsAvailableNow(), "the two calls are a minute old");
        freePlan.rateLimited();
        assertEquals(0, freePlan.callsAvailableNow());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(5, freePlan.callsAvailableNow());
        assertEquals(Integer.MAX_VALUE, CallBudget.unlimited(clock).callsAvailableNow());
    }

    @Test
    void allowsCallNowUntilTheBudgetIsSpentOrPaused() {
        for (int i = 0; i < 5; i++) {
            assertTrue(freePlan.allowsCallNow(), "call " + (i + 1));
            freePlan.tryAcquire();
        }
        assertFalse(freePlan.allowsCallNow(), "five calls in the last minute");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(freePlan.allowsCallNow());
        freePlan.rateLimited();
        assertFalse(freePlan.allowsCallNow(), "paused a minute after a 429");
    }

    @Test
    void aRefusedCallIsNotCounted() {
        for (int i = 0; i < 5; i++) {
            freePlan.tryAcquire();
        }
        for (int i = 0; i < 10; i++) {
            assertFalse(freePlan.tryAcquire());
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertTrue(freePlan.tryAcquire());
        }
        assertFalse(freePlan.tryAcquire());
    }

    @Test
    void a429PausesEveryCallForAFullMinute() {
        assertTrue(freePlan.tryAcquire());
        freePlan.rateLimited();
        assertEquals(Instant.parse("2026-03-04T14:36:10Z"), freePlan.nextCallAt());
        clock.advance(Duration.ofSeconds(59));
        assertFalse(freePlan.tryAcquire());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(freePlan.tryAcquire());
    }

    @Test
    void unlimitedPlanNeverWaits() {
        CallBudget paid = CallBudget.unlimited(clock);
        for (int i = 0; i < 1000; i++) {
            assertTrue(paid.tryAcquire());
        }
        assertEquals(T0, paid.nextCallAt());
        assertEquals(Optional.empty(), paid.shortfall(5000, Timeframe.minutes(1)));
    }

    @Test
    void startUpCheckNamesTheShortfall() {
        assertEquals(Optional.of("48 tickers need 48 calls per 5-min bar; plan allows 25 (5 calls/min)"),
                freePlan.shortfall(48, Timeframe.minutes(5)));
        assertEquals(Optional.empty(), freePlan.shortfall(25, Timeframe.minutes(5)));
        assertEquals(Optional.of("6 tickers need 6 calls per 1-min bar; plan allows 5 (5 calls/min)"),
                freePlan.shortfall(6, Timeframe.minutes(1)));
        assertEquals(Optional.empty(), freePlan.shortfall(48, Timeframe.minutes(10)));
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> new CallBudget(0, clock));
    }
}
