package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchedBarsTest {

    private final Bar at0930 = Bars.flat("AAPL", "2026-03-04T14:30:00Z", "10");
    private final Bar at0935 = Bars.flat("AAPL", "2026-03-04T14:35:00Z", "11");
    private final Bar at0940 = Bars.flat("AAPL", "2026-03-04T14:40:00Z", "12");

    @Test
    void barsComeBackInTimeOrder() {
        FetchedBars fetched = new FetchedBars(List.of(at0940, at0930, at0935), List.of());
        assertEquals(List.of(at0930, at0935, at0940), fetched.bars());
    }

    @Test
    void aSecondBarWithTheSameStartIsRejectedAndTheFirstKept() {
        Bar revised = Bars.flat("AAPL", "2026-03-04T14:30:00Z", "10.5");
        FetchedBars fetched = new FetchedBars(List.of(at0930, at0935, revised), List.of());
        assertEquals(List.of(at0930, at0935), fetched.bars());
        assertEquals(1, fetched.rejected().size());
        RejectedBar rejected = fetched.rejected().get(0);
        assertEquals("AAPL", rejected.ticker());
        assertEquals(Instant.parse("2026-03-04T14:30:00Z"), rejected.start());
        assertEquals("Invalid bar AAPL @ 2026-03-04T14:30:00Z: duplicate of an earlier bar with the same start", rejected.reason());
    }

    @Test
    void plusAppendsTheNextPage() {
        RejectedBar bad = RejectedBar.because("AAPL", null, "t is missing");
        FetchedBars first = new FetchedBars(List.of(at0930), List.of(bad));
        FetchedBars second = new FetchedBars(List.of(at0935), List.of());
        FetchedBars both = first.plus(second);
        assertEquals(List.of(at0930, at0935), both.bars());
        assertEquals(List.of(bad), both.rejected());
        assertEquals("Invalid bar AAPL at an unknown time: t is missing", bad.reason());
    }

    @Test
    void startingInKeepsTheHalfOpenRangeAndAllRejections() {
        RejectedBar bad = RejectedBar.because("AAPL", Instant.parse("2026-03-04T15:00:00Z"), "negative volume");
        FetchedBars fetched = new FetchedBars(List.of(at0930, at0935, at0940), List.of(bad));
        FetchedBars window = fetched.startingIn(Instant.parse("2026-03-04T14:35:00Z"), Instant.parse("2026-03-04T14:40:00Z"));
        assertEquals(List.of(at0935), window.bars());
        assertEquals(List.of(bad), window.rejected());
        assertTrue(FetchedBars.empty().bars().isEmpty());
    }

    @Test
    void invalidBarExceptionBecomesTheReason() {
        InvalidBarException invalid = new InvalidBarException("MSFT", Instant.parse("2026-03-04T14:30:00Z"), "high 1 is below low 2");
        RejectedBar rejected = RejectedBar.because(invalid, "MSFT", Instant.parse("2026-03-04T14:30:00Z"));
        assertEquals("Invalid bar MSFT @ 2026-03-04T14:30:00Z: high 1 is below low 2", rejected.reason());
    }
}
