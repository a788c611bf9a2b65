package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedStatsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T14:40:00Z"));
    private final FeedStats stats = new FeedStats(clock);

    @Test
    void countsCallsTodayAndInTheLastMinute() {
        stats.recordCall();
        clock.advance(Duration.ofSeconds(30));
        stats.recordCall();
        assertEquals(2, stats.snapshot().callsToday());
        assertEquals(2, stats.snapshot().callsInLastMinute());
        clock.advance(Duration.ofSeconds(30)); // first call is now exactly a minute old
        assertEquals(2, stats.snapshot().callsToday());
        assertEquals(1, stats.snapshot().callsInLastMinute());
    }

    @Test
    void todayStartsAtMidnightNewYork() {
        clock.set(Instant.parse("2026-03-05T04:59:00Z")); // 23:59 ET on the 4th
        stats.recordCall();
        stats.recordCall();
        clock.set(Instant.parse("2026-03-05T05:00:00Z")); // midnight ET
        assertEquals(0, stats.snapshot().callsToday());
        stats.recordCall();
        assertEquals(1, stats.snapshot().callsToday());
    }

    @Test
    void remembersTheLastPollAndTheLastError() {
        assertEquals(Optional.empty(), stats.snapshot().lastPollAt());
        assertEquals(Optional.empty(), stats.snapshot().lastError());
        stats.recordPoll();
        clock.advance(Duration.ofSeconds(5));
        stats.recordError("Polygon rate limit hit (429) while fetching AAPL");
        FeedStats.Snapshot snapshot = stats.snapshot();
        assertEquals(Optional.of(Instant.parse("2026-03-04T14:40:00Z")), snapshot.lastPollAt());
        assertEquals(Optional.of(Instant.parse("2026-03-04T14:40:05Z")), snapshot.lastErrorAt());
        assertEquals(Optional.of("Polygon rate limit hit (429) while fetching AAPL"), snapshot.lastError());
    }

    @Test
    void keepsTheNewestBarPerTickerAndItsAge() {
        stats.recordBars(List.of(Bars.flat("MSFT", "2026-03-04T14:30:00Z", "400"),
                Bars.flat("AAPL", "2026-03-04T14:30:00Z", "260"),
                Bars.flat("AAPL", "2026-03-04T14:25:00Z", "259")));
        clock.set(Instant.parse("2026-03-04T14:36:30Z"));
        Map<String, FeedStats.TickerStatus> tickers = stats.snapshot().tickers();
        assertEquals(List.of("AAPL", "MSFT"), List.copyOf(tickers.keySet()));
        // the 14:30 bar ended at 14:35, 90 seconds ago
        assertEquals(new FeedStats.TickerStatus(Instant.parse("2026-03-04T14:30:00Z"), Duration.ofSeconds(90)), tickers.get("AAPL"));
        assertEquals(Duration.ofSeconds(90), tickers.get("MSFT").age());
    }
}
