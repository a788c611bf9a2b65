package com.papertrader.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.PollCycle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatsTest {

    private final Formats fmt = new Formats();

    @Test
    void moneyIsDollarsToTheCentWithGrouping() {
        assertEquals("$1,234,567.89", fmt.money(new BigDecimal("1234567.891")));
        assertEquals("-$12.00", fmt.money(new BigDecimal("-12")));
        assertEquals("$0.01", fmt.money(new BigDecimal("0.005")));
        assertEquals("", fmt.money(null));
        assertEquals("$1,000.00", fmt.money(new BigDecimal("999.995")), "rounding carries into a new group");
        assertEquals("-$1,234.50", fmt.money(new BigDecimal("-1234.5")));
        assertEquals("$0.00", fmt.money(new BigDecimal("-0.001")), "no minus sign on what rounds to zero");
        assertEquals("$100.00", fmt.money(new BigDecimal("1E+2")));
    }

    @Test
    void countsAreGroupedWithTheirNoun() {
        assertEquals("3,000 tickers", fmt.count(3000, "ticker"));
        assertEquals("1 ticker", fmt.count(1, "ticker"));
        assertEquals("0 bars", fmt.count(0, "bar"));
        assertEquals("1,234,567", fmt.count(1_234_567));
    }

    @Test
    void aCycleInALine() {
        PollCycle cycle = new PollCycle(Instant.parse("2026-03-04T14:45:00Z"), 8, 8, Duration.ofMillis(125), Duration.ofMillis(9),
                Duration.ofMillis(51), Optional.of(Duration.ofMillis(10_431)), Optional.of(Duration.ofMillis(10_440)), Optional.of("SPY"),
                Duration.ofMillis(40));
        assertEquals("8 tickers, 8 bars: fetched in 0.13 s, stored in 0.01 s, traded in 0.05 s; orders 10.44 s after the bar's end",
                fmt.cycle(cycle));
        PollCycle nothing = new PollCycle(cycle.bar(), 1, 0, Duration.ofMillis(20), Duration.ZERO, Duration.ZERO, Optional.empty(),
                Optional.empty(), Optional.of("SPY"), Duration.ofMillis(20));
        assertEquals("1 ticker, 0 bars: fetched in 0.02 s, stored in 0.00 s, traded in 0.00 s", fmt.cycle(nothing));
    }

    @Test
    void theStreamInALine() {
        FeedStats.Stream stream = new FeedStats.Stream("subscribed", Instant.parse("2026-03-04T14:31:07Z"), "subscribed to: AM.AAPL",
                1234, 1, 250, Duration.ofMillis(120), Duration.ofMillis(840));
        assertEquals("subscribed since 2026-03-04 09:31 ET; 1,234 minutes, 250 bars built, 1 late minute; orders 0.84 s after the bar's end",
                fmt.stream(stream));
        FeedStats.Stream refused = new FeedStats.Stream("refused", Instant.parse("2026-03-04T14:31:07Z"), "auth_failed", 0, 0, 0, null, null);
        assertEquals("refused since 2026-03-04 09:31 ET; 0 minutes, 0 bars built, 0 late minutes", fmt.stream(refused));
    }

    @Test
    void aPriceChangeShowsItsSign() {
        assertEquals("+1.25", fmt.signedPrice(new BigDecimal("1.25")));
        assertEquals("-0.4512", fmt.signedPrice(new BigDecimal("-0.4512")));
        assertEquals("0.00", fmt.signedPrice(BigDecimal.ZERO));
    }

    @Test
    void pnlAlwaysShowsItsSign() {
        assertEquals("+$5.00", fmt.pnl(new BigDecimal("5")));
        assertEquals("-$3.10", fmt.pnl(new BigDecimal("-3.1")));
        assertEquals("$0.00", fmt.pnl(BigDecimal.ZERO));
    }

    @Test
    void pricesKeepSubPennyDigitsOnlyWhereTheyHaveThem() {
        assertEquals("187.25", fmt.price(new BigDecimal("187.2500")));
        assertEquals("0.4512", fmt.price(new BigDecimal("0.4512")));
        assertEquals("1,000.10", fmt.price(new BigDecimal("1000.1")));
        assertEquals("1,234,567.00", fmt.price(new BigDecimal("1234567")));
        assertEquals("-2.5001", fmt.price(new BigDecimal("-2.50009")));
    }

    @Test
    void percentOfARatio() {
        assertEquals("12.34%", fmt.percent(new BigDecimal("0.1234")));
        assertEquals("-5.00%", fmt.percent(new BigDecimal("-0.05")));
    }

    @Test
    void timesAreInExchangeTimeAcrossDaylightSaving() {
        assertEquals("2026-07-01 09:30 ET", fmt.time(Instant.parse("2026-07-01T13:30:00Z")));
        assertEquals("2026-11-24 09:30 ET", fmt.time(Instant.parse("2026-11-24T14:30:00Z")));
    }
}
