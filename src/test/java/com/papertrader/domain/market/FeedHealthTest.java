package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.FeedStats.CallOutcome;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

    private static final Instant T0 = Instant.parse("2026-06-08T14:00:00Z");

    @Test
    void threeFailedCallsInARowTakeTheFeedDownAndTheNextAnswerBringsItBack() {
        FeedHealth health = new FeedHealth();
        assertEquals(Optional.empty(), health.record(CallOutcome.TIMED_OUT, T0));
        assertEquals(Optional.empty(), health.record(CallOutcome.REFUSED, T0.plusSeconds(1)));
        assertEquals(Optional.of(new FeedHealth.Change(true, T0.plusSeconds(2), T0.plusSeconds(2), CallOutcome.UNREADABLE)),
                health.record(CallOutcome.UNREADABLE, T0.plusSeconds(2)));
        assertTrue(health.isDown());
        assertEquals(Optional.empty(), health.record(CallOutcome.TIMED_OUT, T0.plusSeconds(3)), "down once, not at every failure");
        assertEquals(Optional.of(new FeedHealth.Change(false, T0.plusSeconds(60), T0.plusSeconds(2), CallOutcome.ANSWERED)),
                health.record(CallOutcome.ANSWERED, T0.plusSeconds(60)));
        assertFalse(health.isDown());
        assertEquals(Optional.empty(), health.record(CallOutcome.ANSWERED, T0.plusSeconds(61)));
    }

    @Test
    void anAnswerBetweenFailuresStartsTheCountAgain() {
        FeedHealth health = new FeedHealth();
        health.record(CallOutcome.TIMED_OUT, T0);
        health.record(CallOutcome.TIMED_OUT, T0);
        health.record(CallOutcome.ANSWERED, T0);
        health.record(CallOutcome.TIMED_OUT, T0);
        assertEquals(Optional.empty(), health.record(CallOutcome.TIMED_OUT, T0));
        assertFalse(health.isDown());
    }

    @Test
    void rateLimitedCallsNeitherTakeItDownNorBringItBack() {
        FeedHealth health = new FeedHealth();
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), health.record(CallOutcome.RATE_LIMITED, T0));
        }
        assertFalse(health.isDown());
        health.record(CallOutcome.REFUSED, T0);
        health.record(CallOutcome.REFUSED, T0);
        health.record(CallOutcome.RATE_LIMITED, T0);
        assertTrue(health.record(CallOutcome.REFUSED, T0).orElseThrow().down(), "a 429 between failures does not end the streak");
        assertEquals(Optional.empty(), health.record(CallOutcome.RATE_LIMITED, T0));
        assertTrue(health.isDown());
    }
}
