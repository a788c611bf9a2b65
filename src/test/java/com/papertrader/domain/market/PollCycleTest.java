package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollCycleTest {

    @Test
    void theSlowestStepIsTheLongestAndTheEarlierOnATie() {
        assertEquals("fetching", cycle(300, 20, 40).slowestStep());
        assertEquals("storing", cycle(30, 200, 40).slowestStep());
        assertEquals("trading", cycle(30, 20, 400).slowestStep());
        assertEquals("fetching", cycle(50, 50, 50).slowestStep());
        assertEquals("storing", cycle(10, 50, 50).slowestStep());
    }

    private static PollCycle cycle(long fetching, long storing, long trading) {
        return new PollCycle(Instant.parse("2026-03-04T14:45:00Z"), 3, 3, Duration.ofMillis(fetching), Duration.ofMillis(storing),
                Duration.ofMillis(trading), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ZERO);
    }
}
