package com.papertrader.application.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.market.Bar;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuyAndHoldTest {

    private static final Instant T0 = Instant.parse("2026-03-04T14:30:00Z");

    @Test
    void equalCashPerTickerInWholeSharesAtTheFirstOpenValuedAtTheLastClose() {
        Map<String, Bar> first = Map.of("AAA", bar("AAA", 0, "30.00", "31.00"), "BBB", bar("BBB", 0, "400.00", "401.00"));
        Map<String, Bar> last = Map.of("AAA", bar("AAA", 9, "32.00", "33.00"), "BBB", bar("BBB", 9, "390.00", "380.00"));

        BuyAndHold benchmark = BuyAndHold.of(new BigDecimal("1000.00"), List.of("AAA", "BBB", "CCC"), first, last);

        // CCC has no bars: 500 each for AAA and BBB. AAA: 16 shares at 30 (480), worth 16 × 33 = 528.
        // BBB: 1 share at 400, worth 380. End: 1000 - 480 - 400 + 528 + 380 = 1028.00
        assertEquals(2, benchmark.tickers().size());
        assertEquals(16, benchmark.tickers().get(0).shares());
        assertEquals(1, benchmark.tickers().get(1).shares());
        assertEquals(new BigDecimal("1028.00"), benchmark.endEquity());
        assertEquals(0.028, benchmark.totalReturn(), 1e-12);
        assertEquals(0.10, benchmark.tickers().get(0).tickerReturn(), 1e-12, "33 / 30 - 1");
        assertEquals(-0.05, benchmark.tickers().get(1).tickerReturn(), 1e-12, "380 / 400 - 1");
    }

    private static Bar bar(String ticker, int index, String open, String close) {
        BigDecimal o = new BigDecimal(open);
        BigDecimal c = new BigDecimal(close);
        return new Bar(ticker, T0.plus(Duration.ofMinutes(5L * index)), Duration.ofMinutes(5), o, o.max(c), o.min(c), c,
                BigDecimal.valueOf(1000), null, null);
    }
}
