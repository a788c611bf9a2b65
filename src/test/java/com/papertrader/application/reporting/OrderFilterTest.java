package com.papertrader.application.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.papertrader.domain.trading.order.OrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderFilterTest {

    @Test
    void readsEveryFilterAndNormalisesTickerAndStatus() {
        OrderFilter filter = OrderFilter.parse(Map.of("agent", "sma-crossover", "ticker", " aapl ", "status", "filled",
                "from", "2026-06-10", "to", "2026-06-11")::get);

        assertEquals(new OrderFilter("sma-crossover", "AAPL", OrderStatus.FILLED, LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 11)), filter);
        // New York midnight in June is 04:00 UTC (EDT); "to" is inclusive, so the bound is the next midnight.
        assertEquals(Instant.parse("2026-06-10T04:00:00Z"), filter.fromInstant());
        assertEquals(Instant.parse("2026-06-12T04:00:00Z"), filter.toInstantExclusive());
        assertEquals(Map.of("agent", "sma-crossover", "ticker", "AAPL", "status", "FILLED", "from", "2026-06-10", "to", "2026-06-11"),
                filter.parameters());
    }

    @Test
    void blankOrMissingParametersMeanNoFilter() {
        assertEquals(OrderFilter.NONE, OrderFilter.parse(Map.of("agent", "", "ticker", "  ")::get));
    }

    @Test
    void aBadValueNamesTheParameterAndTheValue() {
        assertEquals("status: 'DONE' is not one of [NEW, ACCEPTED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED, REJECTED]",
                assertThrows(InvalidQueryException.class, () -> OrderFilter.parse(Map.of("status", "DONE")::get)).getMessage());
        assertEquals("from: '2026-13-01' is not a date (yyyy-mm-dd)",
                assertThrows(InvalidQueryException.class, () -> OrderFilter.parse(Map.of("from", "2026-13-01")::get)).getMessage());
        assertEquals("from: 2026-06-12 is after to: 2026-06-11",
                assertThrows(InvalidQueryException.class,
                        () -> OrderFilter.parse(Map.of("from", "2026-06-12", "to", "2026-06-11")::get)).getMessage());
        assertThrows(InvalidQueryException.class, () -> OrderFilter.parse(Map.of("ticker", "<b>")::get));
        assertThrows(InvalidQueryException.class, () -> OrderFilter.parse(Map.of("agent", "Bad Agent")::get));
    }

    @Test
    void pagingDefaultsToTheFirstFiftyAndRefusesOutOfRangeValues() {
        assertEquals(new PageRequest(1, 50), PageRequest.parse(Map.<String, String>of()::get));
        assertEquals(100, PageRequest.parse(Map.of("page", "3", "size", "50")::get).offset());
        assertEquals("size: '501' is not a whole number from 1 to 500",
                assertThrows(InvalidQueryException.class, () -> PageRequest.parse(Map.of("size", "501")::get)).getMessage());
        assertEquals("page: 'two' is not a whole number from 1 to 1000000",
                assertThrows(InvalidQueryException.class, () -> PageRequest.parse(Map.of("page", "two")::get)).getMessage());
        assertThrows(InvalidQueryException.class, () -> PageRequest.parse(Map.of("page", "0")::get));
    }

    @Test
    void positionFilterReadsAgentAccountAndState() {
        PositionFilter filter = PositionFilter.parse(Map.of("agent", "rsi", "account", "shared", "state", "Closed")::get);
        assertEquals(new PositionFilter("rsi", "shared", PositionFilter.State.CLOSED), filter);
        assertEquals(Map.of("agent", "rsi", "account", "shared", "state", "closed"), filter.parameters());
        assertThrows(InvalidQueryException.class, () -> PositionFilter.parse(Map.of("state", "half")::get));
    }

    @Test
    void aPageKnowsThereIsMoreFromTheExtraRow() {
        Page<String> page = Page.of(List.of("a", "b", "c"), new PageRequest(2, 2));
        assertEquals(List.of("a", "b"), page.items());
        assertEquals(true, page.hasNext());
        assertEquals(true, page.hasPrevious());
        assertEquals(false, Page.of(List.of("a"), new PageRequest(1, 2)).hasNext());
    }
}
