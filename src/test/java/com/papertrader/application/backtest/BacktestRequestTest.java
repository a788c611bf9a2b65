package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestRequestTest {

    @Test
    void parsesAndSpansWholeNewYorkDays() {
        BacktestRequest request = BacktestRequest.parse("sma-crossover", "aapl, MSFT  spy,AAPL", "2026-03-02", "2026-03-06", "25000.50", false);

        assertEquals(List.of("AAPL", "MSFT", "SPY"), request.tickers(), "upper-cased, duplicates dropped");
        assertEquals(LocalDate.of(2026, 3, 2), request.from());
        assertEquals(new BigDecimal("25000.50"), request.startingCash());
        assertEquals(Instant.parse("2026-03-02T05:00:00Z"), request.periodStart(), "midnight New York (EST)");
        assertEquals(Instant.parse("2026-03-07T05:00:00Z"), request.periodEnd(), "the day after 'to', so 'to' is included");
    }

    @Test
    void everyProblemIsNamed() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BacktestRequest.parse("", "AAPL, bad$", "2026-03-06", "2026-03-02", "-5", false));

        assertEquals("agentId is required; tickers: 'BAD$' is not a ticker (1-10 letters, digits, dots or dashes, starting with a letter); "
                + "to (2026-03-02) is before from (2026-03-06); "
                + "startingCash: -5 must be more than 0, at most 1,000,000,000, in cents at most", refused.getMessage());
    }

    @Test
    void missingValuesAndMalformedDates() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BacktestRequest.parse("a", " ", "March 2", null, "lots", false));

        assertEquals("tickers: give at least one ticker; from: \"March 2\" is not a date (yyyy-MM-dd); "
                + "to is required (yyyy-MM-dd); startingCash: \"lots\" is not an amount (e.g. 100000.00)", refused.getMessage());
    }

    @Test
    void aFileNeedsNoDates() {
        BacktestRequest request = BacktestRequest.parse("a", "TEST", "", "", "1000", true);

        assertEquals(List.of("TEST"), request.tickers());
        assertNull(request.from());
        assertEquals(Instant.EPOCH, request.periodStart(), "the file's bars from its first");
    }
}
