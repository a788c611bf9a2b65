package com.papertrader.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wed 2026-03-04, EST: the regular session opens at 14:30Z. Minutes as Polygon's AM events carry them. */
class MinuteBarsTest {

    private static final Instant OPEN = Instant.parse("2026-03-04T14:30:00Z");
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(OPEN);
    private MinuteBars bars;

    @BeforeEach
    void connected() {
        bars = new MinuteBars(new BarSchedule(MarketCalendar.nyse(), Timeframe.minutes(5), Duration.ZERO, GRACE, false), clock);
        bars.coverFrom(OPEN);
    }

    @Test
    void aBarIsBuiltWhenItsLastMinuteArrives() {
        for (int m = 0; m < 4; m++) {
            assertEquals(List.of(), bars.add(minute("AAPL", m, "100", "101", "99", "100.5", "1000", "100.2")));
        }
        List<Bar> built = bars.add(minute("AAPL", 4, "100.5", "103", "100", "102", "3000", "102"));

        assertEquals(1, built.size());
        Bar bar = built.get(0);
        assertEquals(OPEN, bar.start());
        assertEquals(Duration.ofMinutes(5), bar.span());
        assertEquals(0, new BigDecimal("100").compareTo(bar.open()));
        assertEquals(0, new BigDecimal("103").compareTo(bar.high()));
        assertEquals(0, new BigDecimal("99").compareTo(bar.low()));
        assertEquals(0, new BigDecimal("102").compareTo(bar.close()));
        assertEquals(0, new BigDecimal("7000").compareTo(bar.volume()));
        // (4 x 1000 x 100.2 + 3000 x 102) / 7000
        assertEquals(0, new BigDecimal("100.9714285714286").compareTo(bar.vwap()));
        assertNull(bar.trades(), "AM events carry no trade count");
        assertEquals(new MinuteBars.Counts(5, 0), bars.counts());
    }

    @Test
    void aLaterMinuteCompletesTheBarWhoseLastMinutesHadNoTrades() {
        bars.add(minute("AAPL", 0, "100", "101", "99", "100", "1000", "100"));
        bars.add(minute("AAPL", 2, "100", "104", "100", "103", "1000", "102"));

        List<Bar> built = bars.add(minute("AAPL", 6, "103", "103", "102", "102", "500", "102.5"));

        assertEquals(1, built.size());
        assertEquals(OPEN, built.get(0).start());
        assertEquals(0, new BigDecimal("103").compareTo(built.get(0).close()));
        assertEquals(0, new BigDecimal("104").compareTo(built.get(0).high()));
    }

    @Test
    void theClockCompletesABarAfterItsEndPlusGraceWhenNoLaterMinuteCame() {
        bars.add(minute("AAPL", 1, "100", "101", "99", "100", "1000", "100"));
        clock.set(OPEN.plus(Duration.ofMinutes(5)).plus(GRACE).minusMillis(1));
        assertEquals(List.of(), bars.due());

        clock.advance(Duration.ofMillis(1));
        List<Bar> due = bars.due();

        assertEquals(1, due.size());
        assertEquals(OPEN, due.get(0).start());
        assertEquals(List.of(), bars.due(), "built once");
    }

    @Test
    void minutesOutOfOrderWithinTheirBarAndAResentMinuteGiveOneBarFromTheLatestValues() {
        bars.add(minute("AAPL", 3, "101", "101", "100", "100", "1000", "100.5"));
        bars.add(minute("AAPL", 0, "100", "100", "99", "99.5", "1000", "99.8"));
        bars.add(minute("AAPL", 3, "101", "102", "100", "101", "1500", "101"));
        List<Bar> built = bars.add(minute("AAPL", 4, "101", "101", "100", "100.5", "500", "100.6"));

        assertEquals(1, built.size());
        Bar bar = built.get(0);
        assertEquals(0, new BigDecimal("100").compareTo(bar.open()), "the first minute's open, whatever the arrival order");
        assertEquals(0, new BigDecimal("102").compareTo(bar.high()), "the corrected minute replaced the first one");
        assertEquals(0, new BigDecimal("3000").compareTo(bar.volume()));
    }

    @Test
    void aMinuteOfABarAlreadyBuiltIsLateCountedAndDropped() {
        bars.add(minute("AAPL", 4, "100", "101", "99", "100", "1000", "100"));

        assertEquals(List.of(), bars.add(minute("AAPL", 2, "100", "101", "99", "100", "1000", "100")));
        assertEquals(List.of(), bars.add(minute("AAPL", 4, "100", "105", "99", "100", "1000", "100")));
        assertEquals(new MinuteBars.Counts(1, 2), bars.counts());
        clock.set(OPEN.plus(Duration.ofHours(1)));
        assertEquals(List.of(), bars.due(), "the late minutes start no new bar");
    }

    @Test
    void tickersAreBuiltApartAndDueBarsComeInTimeOrder() {
        bars.add(minute("MSFT", 1, "300", "301", "299", "300", "10", "300"));
        bars.add(minute("AAPL", 2, "100", "101", "99", "100", "10", "100"));
        assertEquals(List.of(), bars.add(minute("AAPL", 3, "100", "101", "99", "100", "10", "100")));
        clock.set(OPEN.plus(Duration.ofMinutes(6)));

        List<Bar> due = bars.due();

        assertEquals(List.of("AAPL", "MSFT"), due.stream().map(Bar::ticker).toList());
    }

    @Test
    void aDisconnectDropsTheBarsBeingBuiltAndTheBarCutByTheReconnectIsLeftToRest() {
        bars.add(minute("AAPL", 0, "100", "101", "99", "100", "1000", "100"));
        bars.interrupted();
        clock.set(OPEN.plus(Duration.ofMinutes(10)));
        assertEquals(List.of(), bars.due(), "the partial bar is never built");
        assertEquals(List.of(), bars.add(minute("AAPL", 1, "100", "101", "99", "100", "1000", "100")), "nothing is taken while disconnected");

        bars.coverFrom(OPEN.plus(Duration.ofMinutes(7)));
        assertEquals(List.of(), bars.add(minute("AAPL", 9, "100", "101", "99", "100", "1000", "100")),
                "the 14:35 bar started before the reconnect: REST backfills it");
        List<Bar> built = bars.add(minute("AAPL", 14, "100", "101", "99", "100", "1000", "100"));

        assertEquals(List.of(OPEN.plus(Duration.ofMinutes(10))), built.stream().map(Bar::start).toList());
    }

    @Test
    void anAggregateThatIsNotOneMinuteIsRefused() {
        Bar fiveMinutes = TestBars.bar("AAPL", OPEN, "100", "101", "99", "100", "10");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> bars.add(fiveMinutes)).getMessage().contains("AAPL"));
    }

    private static Bar minute(String ticker, int minutesAfterOpen, String open, String high, String low, String close,
                              String volume, String vwap) {
        return new Bar(ticker, OPEN.plus(Duration.ofMinutes(minutesAfterOpen)), Duration.ofMinutes(1), new BigDecimal(open),
                new BigDecimal(high), new BigDecimal(low), new BigDecimal(close), new BigDecimal(volume), new BigDecimal(vwap), null);
    }
}
