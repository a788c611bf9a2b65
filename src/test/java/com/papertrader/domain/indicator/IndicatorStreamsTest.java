package com.papertrader.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.TestBars;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How the streams behave as bars come: no look-ahead, backfill against live, revisions. */
class IndicatorStreamsTest {

    /** Indicators whose value depends on the bars before the window, the rest are functions of the bars they span. */
    private static final Set<Indicator> RECURSIVE = EnumSet.of(Indicator.EMA, Indicator.RSI, Indicator.ATR, Indicator.MACD,
            Indicator.STOCHASTIC_RSI, Indicator.ADX, Indicator.KELTNER, Indicator.SAR, Indicator.SUPERTREND, Indicator.OBV);

    static Stream<IndicatorSpec> everyIndicator() {
        return Stream.of(Indicator.values()).map(indicator -> IndicatorSpec.of(indicator,
                indicator.parameters().stream().mapToDouble(Indicator.Parameter::usual).toArray()));
    }

    /** Random-walk bars of the regular session, 78 a day on consecutive days, prices in cents. */
    static List<Bar> randomBars(int count, long seed) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        ZoneId newYork = ZoneId.of("America/New_York");
        double close = 100;
        for (int i = 0; i < count; i++) {
            Instant start = LocalDate.of(2026, 1, 5).plusDays(i / 78).atTime(9, 30).atZone(newYork).toInstant()
                    .plus(Duration.ofMinutes(5L * (i % 78)));
            double open = close + random.nextGaussian() * 0.05;
            close = Math.max(1, open + random.nextGaussian() * 0.4 + (i / 300 % 2 == 0 ? 0.03 : -0.03));
            double high = Math.max(open, close) + Math.abs(random.nextGaussian()) * 0.2;
            double low = Math.min(open, close) - Math.abs(random.nextGaussian()) * 0.2;
            bars.add(new Bar("WALK", start, Duration.ofMinutes(5), cents(open), cents(high), cents(low), cents(close),
                    BigDecimal.valueOf(1000 + random.nextInt(100_000)), null, null));
        }
        return bars;
    }

    private static BigDecimal cents(double price) {
        return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIndicator")
    void aNewBarNeverChangesAnEarlierValue(IndicatorSpec spec) {
        List<Bar> bars = randomBars(600, 7);
        int outputs = spec.indicator().outputs().size();
        BarWindow window = new BarWindow("WALK", 250);
        double[][] live = new double[bars.size()][outputs];
        for (int i = 0; i < bars.size(); i++) {
            window.add(bars.get(i));
            for (int output = 0; output < outputs; output++) {
                live[i][output] = Indicators.value(window, spec, output, 0);
                if (i > 0) {
                    assertEquals(live[i - 1][output], Indicators.value(window, spec, output, 1), spec + " bar " + (i - 1));
                }
            }
        }
        for (int offset = 0; offset < window.size(); offset++) {
            for (int output = 0; output < outputs; output++) {
                assertEquals(live[bars.size() - 1 - offset][output], Indicators.value(window, spec, output, offset), spec + " offset " + offset);
            }
        }
        assertTrue(Double.isFinite(live[bars.size() - 1][0]), spec + " has a value after 600 bars");
    }

    /**
     * A server that has run through 3,000 bars and one that has just warmed its window from the newest 500 stored bars
     * agree on the newest 100 bars: the same values for indicators of the bars they span, to 1e-9 for the recursive ones, whose memory of
     * older bars fades by (1 − α) a bar, and on every change of on-balance volume (its level depends on its start).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyIndicator")
    void aWindowWarmedFromStoredBarsAgreesWithOneWarmedLive(IndicatorSpec spec) {
        List<Bar> bars = randomBars(3000, 11);
        BarWindow live = new BarWindow("WALK", 500);
        for (Bar bar : bars) {
            live.add(bar);
            Indicators.value(live, spec, 0, 0);
        }
        BarWindow warmed = TestBars.window(500, bars.subList(bars.size() - 500, bars.size()));
        for (int offset = 0; offset < 100; offset++) {
            for (int output = 0; output < spec.indicator().outputs().size(); output++) {
                double expected = Indicators.value(live, spec, output, offset);
                double actual = Indicators.value(warmed, spec, output, offset);
                String what = spec + " output " + output + " offset " + offset;
                if (spec.indicator() == Indicator.OBV) {
                    assertEquals(expected - Indicators.value(live, spec, 0, offset + 1),
                            actual - Indicators.value(warmed, spec, 0, offset + 1), what);
                } else if (RECURSIVE.contains(spec.indicator())) {
                    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
                } else {
                    assertEquals(expected, actual, what);
                }
            }
        }
    }

    @Test
    void aRevisedBarRecomputesFromTheWindow() {
        List<Bar> bars = randomBars(100, 3);
        BarWindow window = TestBars.window(200, bars);
        IndicatorSpec ema = IndicatorSpec.of(Indicator.EMA, 10);
        double before = Indicators.value(window, ema, 0, 0);
        Bar last = bars.get(99);
        Bar revised = new Bar(last.ticker(), last.start(), last.span(), last.open(), last.high().add(BigDecimal.TEN), last.low(),
                last.high().add(BigDecimal.TEN), last.volume(), null, null);
        window.add(revised);
        List<Bar> corrected = new ArrayList<>(bars.subList(0, 99));
        corrected.add(revised);
        double after = Indicators.value(window, ema, 0, 0);
        assertNotEquals(before, after);
        assertEquals(Indicators.value(TestBars.window(200, corrected), ema, 0, 0), after);
    }

    @Test
    void aStreamNotReadForLongerThanTheWindowStartsAgainAtItsOldestBar() {
        List<Bar> bars = randomBars(400, 5);
        BarWindow window = TestBars.window(100, bars.subList(0, 150));
        IndicatorSpec sma = IndicatorSpec.of(Indicator.SMA, 20);
        Indicators.value(window, sma, 0, 0);
        bars.subList(150, 400).forEach(window::add);
        assertEquals(Indicators.value(TestBars.window(100, bars.subList(300, 400)), sma, 0, 0), Indicators.value(window, sma, 0, 0));
        assertTrue(Double.isNaN(Indicators.value(window, sma, 0, 99)), "the oldest held bar has too few bars before it in the window");
    }
}
