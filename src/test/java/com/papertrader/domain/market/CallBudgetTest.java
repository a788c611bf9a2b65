package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    void callsSideBySideWaitTheirTurnForThePerSecondPace() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        CallBudget paced = new CallBudget(600, 3, clock, duration -> {
            waits.add(duration);
            clock.advance(duration);
        });
        for (int i = 0; i < 3; i++) {
            assertTrue(paced.acquire(Duration.ZERO), "call " + (i + 1) + " of the second");
        }
        assertFalse(paced.acquire(Duration.ofMillis(500)), "the fourth's turn is a second away: not waited for");
        assertEquals(List.of(), waits);

        assertTrue(paced.acquire(Duration.ofSeconds(1)));
        assertEquals(List.of(Duration.ofSeconds(1)), waits, "waited until the first call was a second old");
        assertEquals(T0.plusSeconds(1), clock.instant());
        assertEquals(596, paced.callsAvailableNow(), "the minute's count is not the pace's");
    }

    @Test
    void acquireNeverWaitsForASpentMinute() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertTrue(freePlan.acquire(Duration.ofSeconds(1)));
        }
        assertFalse(freePlan.acquire(Duration.ofSeconds(1)), "the next call is a minute away");
        clock.advance(Duration.ofMinutes(1));
        freePlan.rateLimited();
        assertFalse(freePlan.acquire(Duration.ofSeconds(1)), "paused a minute after a 429");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(freePlan.acquire(Duration.ZERO), "and calls go again after it");
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
