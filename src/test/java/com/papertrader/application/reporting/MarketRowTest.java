package com.papertrader.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.application.reporting.MarketQueries.StoredClose;
import com.papertrader.application.reporting.MarketQueries.TickerActivity;
import com.papertrader.domain.market.CorporateActions;
import com.papertrader.domain.market.Split;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarketRowTest {

    /** Tue 2026-03-03 15:55 ET and Wed 2026-03-04 10:15 ET. */
    private static final Instant TUESDAY_LAST = Instant.parse("2026-03-03T20:55:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T15:15:00Z");

    @Test
    void changeIsFromTheCloseBeforeTheSessionAndMissingBarsAreCounted() {
        TickerActivity activity = new TickerActivity(close(WEDNESDAY, "101.25"), close(TUESDAY_LAST, "100.00"), 8);

        MarketRow row = MarketRow.of("AAPL", activity, 10, CorporateActions.NONE, List.of());

        assertEquals(Optional.of(new BigDecimal("101.25")), row.lastClose());
        assertEquals(Optional.of(new BigDecimal("1.25")), row.change());
        assertEquals(Optional.of(new BigDecimal("0.012500")), row.changeRatio());
        assertEquals(Optional.of(WEDNESDAY), row.lastBarStart());
        assertEquals(2, row.missing(), "10 due, 8 stored");
        assertEquals(Optional.empty(), row.corporateAction());
    }

    @Test
    void aSplitAppliedBetweenTheClosesIsNotAFall() {
        Split split = new Split("NVDA", LocalDate.of(2026, 3, 4), BigDecimal.ONE, BigDecimal.TEN, "split-1");
        TickerActivity activity = new TickerActivity(close(WEDNESDAY, "90.50"), close(TUESDAY_LAST, "900.00"), 10);

        MarketRow row = MarketRow.of("NVDA", activity, 10, CorporateActions.of(List.of(split)), List.of(split));

        assertEquals(Optional.of(new BigDecimal("0.500000")), row.change(), "Tuesday's 900 is 90 on today's share basis");
        assertEquals(Optional.of("10-for-1 split (2026-03-04)"), row.corporateAction());
        assertEquals(0, row.missing());
    }

    @Test
    void nothingStoredShowsNoPriceAndEveryDueBarMissing() {
        MarketRow row = MarketRow.of("SPY", TickerActivity.NONE, 12, CorporateActions.NONE, List.of());

        assertEquals(Optional.empty(), row.lastClose());
        assertEquals(Optional.empty(), row.change());
        assertEquals(Optional.empty(), row.changeRatio());
        assertEquals(12, row.missing());
    }

    @Test
    void beforeTheSessionsFirstBarThereIsNoChangeYet() {
        MarketRow row = MarketRow.of("AAPL", new TickerActivity(close(TUESDAY_LAST, "100"), close(TUESDAY_LAST, "100"), 0), 2,
                CorporateActions.NONE, List.of());

        assertEquals(Optional.empty(), row.change());
        assertEquals(Optional.of(new BigDecimal("100")), row.lastClose());
        assertEquals(2, row.missing());
    }

    @Test
    void noPreviousCloseMeansNoChange() {
        MarketRow row = MarketRow.of("MSFT", new TickerActivity(close(WEDNESDAY, "400"), Optional.empty(), 3), 3, CorporateActions.NONE, List.of());

        assertEquals(Optional.empty(), row.change());
        assertEquals(Optional.empty(), row.changeRatio());
    }

    private static Optional<StoredClose> close(Instant start, String close) {
        return Optional.of(new StoredClose(start, new BigDecimal(close)));
    }
}
