package com.papertrader.infrastructure.simulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {

    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();
    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private static final Clock LATER = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    private static SimulatedMarket market(long seed) {
        return new SimulatedMarket(seed, FIVE_MINUTES, CALENDAR, LATER);
    }

    private static List<Bar> bars(SimulatedMarket market, String ticker, String from, String to) {
        return market.fetch(ticker, Instant.parse(from), Instant.parse(to)).bars();
    }

    @Test
    void aBarDependsOnlyOnSeedTickerAndStart() {
        List<Bar> wholeWeek = bars(market(42), "AAPL", "2026-03-02T00:00:00Z", "2026-03-07T00:00:00Z");
        Bar wednesday1500 = wholeWeek.stream()
                .filter(bar -> bar.start().equals(Instant.parse("2026-03-04T15:00:00Z"))).findFirst().orElseThrow();

        SimulatedMarket other = market(42);
        bars(other, "AAPL", "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z"); // ask something else first
        assertEquals(List.of(wednesday1500), bars(other, "AAPL", "2026-03-04T15:00:00Z", "2026-03-04T15:05:00Z"));
    }

    @Test
    void daysAcrossTheWalksAnchorAreTheSameWhereverTheFetchStarts() {
        SimulatedMarket market = market(7);
        List<Bar> together = bars(market, "MSFT", "2024-12-27T00:00:00Z", "2025-01-07T00:00:00Z");
        List<Bar> dayByDay = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 12, 27); day.isBefore(LocalDate.of(2025, 1, 7)); day = day.plusDays(1)) {
            Instant from = day.atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
            dayByDay.addAll(market.fetch("MSFT", from, from.plus(Duration.ofDays(1))).bars());
        }
        assertEquals(together, dayByDay);
        assertEquals(6 * 78, together.size()); // Dec 27, 30, 31, Jan 2, 3, 6 (Jan 1 closed)
    }

    @Test
    void tickersAndSeedsGiveDifferentMarkets() {
        List<Bar> aapl = bars(market(42), "AAPL", "2026-03-04T14:30:00Z", "2026-03-04T14:35:00Z");
        List<Bar> msft = bars(market(42), "MSFT", "2026-03-04T14:30:00Z", "2026-03-04T14:35:00Z");
        List<Bar> aaplOtherSeed = bars(market(43), "AAPL", "2026-03-04T14:30:00Z", "2026-03-04T14:35:00Z");
        assertNotEquals(aapl.get(0).close(), msft.get(0).close());
        assertNotEquals(aapl.get(0).close(), aaplOtherSeed.get(0).close());
    }

    @Test
    void barsFillExactlyTheRegularSessions() {
        BarSchedule regular = new BarSchedule(CALENDAR, FIVE_MINUTES, Duration.ZERO, Duration.ZERO, false);
        // Good Friday week: Mon-Thu trade, Friday 2026-04-03 is closed
        List<Bar> week = bars(market(42), "AAPL", "2026-03-30T00:00:00Z", "2026-04-05T00:00:00Z");
        assertEquals(4 * 78, week.size());
        assertTrue(week.stream().allMatch(bar -> regular.isSessionBar(bar.start())));
        assertTrue(week.stream().allMatch(bar -> bar.span().equals(Duration.ofMinutes(5))));

        List<Bar> dayAfterThanksgiving = bars(market(42), "AAPL", "2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z");
        assertEquals(42, dayAfterThanksgiving.size());
        assertEquals(Instant.parse("2026-11-27T14:30:00Z"), dayAfterThanksgiving.get(0).start());
        assertEquals(Instant.parse("2026-11-27T17:55:00Z"), dayAfterThanksgiving.get(41).start());

        assertEquals(List.of(), bars(market(42), "AAPL", "2026-03-07T00:00:00Z", "2026-03-09T00:00:00Z"));
    }

    @Test
    void pricesAreCentsVolumesAreWholeSharesAndEachBarOpensAtThePreviousClose() {
        List<Bar> day = bars(market(42), "NVDA", "2026-03-04T00:00:00Z", "2026-03-05T00:00:00Z");
        assertEquals(78, day.size());
        for (int k = 0; k < day.size(); k++) {
            Bar bar = day.get(k);
            for (BigDecimal price : List.of(bar.open(), bar.high(), bar.low(), bar.close())) {
                assertEquals(2, price.scale(), bar::toString);
            }
            assertEquals(0, bar.volume().scale(), bar::toString);
            assertTrue(bar.volume().signum() > 0, bar::toString);
            if (k > 0) {
                assertEquals(day.get(k - 1).close(), bar.open(), bar::toString);
            }
        }
    }

    @Test
    void volumeIsUShapedOverTheDay() {
        List<Bar> month = bars(market(42), "AAPL", "2026-03-02T00:00:00Z", "2026-03-28T00:00:00Z");
        Map<Integer, Double> meanVolumeByBarOfDay = month.stream().collect(Collectors.groupingBy(
                bar -> (int) Duration.between(CALENDAR.session(bar.start().atZone(MarketCalendar.NEW_YORK).toLocalDate())
                        .orElseThrow().open(), bar.start()).toMinutes() / 5,
                TreeMap::new, Collectors.averagingDouble(bar -> bar.volume().doubleValue())));
        double open = meanVolumeByBarOfDay.get(0);
        double lunch = meanVolumeByBarOfDay.get(36); // 12:30 ET
        double close = meanVolumeByBarOfDay.get(77);
        assertTrue(open > 2 * lunch, () -> "open " + open + " lunch " + lunch);
        assertTrue(close > 1.5 * lunch, () -> "close " + close + " lunch " + lunch);
    }

    @Test
    void someDaysGapAtTheOpenAndSomeTrend() {
        List<Bar> year = bars(market(42), "AAPL", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        Map<LocalDate, List<Bar>> days = year.stream().collect(Collectors.groupingBy(
                bar -> bar.start().atZone(MarketCalendar.NEW_YORK).toLocalDate(), TreeMap::new, Collectors.toList()));
        assertEquals(250, days.size());
        int gaps = 0;
        List<Double> moves = new ArrayList<>();
        BigDecimal previousClose = null;
        for (List<Bar> day : days.values()) {
            BigDecimal open = day.get(0).open();
            BigDecimal close = day.get(day.size() - 1).close();
            if (previousClose != null && relativeChange(previousClose, open) > 0.01) {
                gaps++;
            }
            moves.add(relativeChange(open, close));
            previousClose = close;
        }
        moves.sort(null);
        double median = moves.get(moves.size() / 2);
        long trendDays = moves.stream().filter(move -> move > 2.5 * median).count();
        assertTrue(gaps >= 5 && gaps <= 50, "opening gaps over 1%: " + gaps);
        assertTrue(trendDays >= 3 && trendDays <= 60, "days moving over 2.5x the median: " + trendDays);
    }

    @Test
    void onlyBarsClosedByTheClockAreReturned() {
        SimulatedMarket live = new SimulatedMarket(42, FIVE_MINUTES, CALENDAR,
                Clock.fixed(Instant.parse("2026-03-04T15:02:00Z"), ZoneOffset.UTC));
        List<Bar> today = live.fetch("AAPL", Instant.parse("2026-03-04T14:30:00Z"), Instant.parse("2026-03-04T21:00:00Z")).bars();
        assertEquals(6, today.size()); // 14:30 .. 14:55; the 15:00 bar is still open
        assertEquals(Instant.parse("2026-03-04T14:55:00Z"), today.get(5).start());
        assertEquals(today, bars(market(42), "AAPL", "2026-03-04T14:30:00Z", "2026-03-04T15:00:00Z"));
    }

    @Test
    void namesItselfAndRefusesABlankTicker() {
        assertEquals("simulated", market(1).name());
        assertThrows(IllegalArgumentException.class,
                () -> market(1).fetch(" ", Instant.parse("2026-03-04T14:30:00Z"), Instant.parse("2026-03-04T15:00:00Z")));
    }

    private static double relativeChange(BigDecimal from, BigDecimal to) {
        return Math.abs(to.doubleValue() / from.doubleValue() - 1);
    }
}
