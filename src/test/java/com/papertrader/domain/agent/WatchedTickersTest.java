package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WatchedTickersTest {

    @Test
    void allWatchesEveryTicker() {
        WatchedTickers all = WatchedTickers.parse(" * ");
        assertTrue(all.isAll());
        assertTrue(all.contains("ANY"));
        assertEquals("*", all.toString());
        assertEquals(List.of(), all.tickers());
    }

    @Test
    void aListIsUpperCasedWithoutDuplicates() {
        WatchedTickers tickers = WatchedTickers.parse("aapl, MSFT,brk.b,AAPL");
        assertEquals(List.of("AAPL", "MSFT", "BRK.B"), tickers.tickers());
        assertEquals("AAPL,MSFT,BRK.B", tickers.toString());
        assertEquals(tickers, WatchedTickers.parse(tickers.toString()));
        assertTrue(tickers.contains("MSFT"));
        assertFalse(tickers.contains("ALL"));
        assertFalse(tickers.isAll());
    }

    @Test
    void refusesWhatCannotBeATicker() {
        assertEquals("'AA PL' is not a ticker (1-10 letters, digits, dots or dashes, starting with a letter)",
                assertThrows(IllegalArgumentException.class, () -> WatchedTickers.of("AA PL")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WatchedTickers.parse("AAPL,,MSFT"));
        assertThrows(IllegalArgumentException.class, () -> WatchedTickers.of(List.of()));
    }

    @Test
    void theConverterStoresTheTextForm() {
        WatchedTickersConverter converter = new WatchedTickersConverter();
        assertEquals("AAPL,MSFT", converter.convertToDatabaseColumn(WatchedTickers.of("AAPL", "MSFT")));
        assertEquals(WatchedTickers.all(), converter.convertToEntityAttribute("*"));
    }
}
