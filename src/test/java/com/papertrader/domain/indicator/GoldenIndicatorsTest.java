package com.papertrader.domain.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarWindow;
import com.papertrader.domain.market.TestBars;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every indicator against values an independent reference computed over the same bars (TA-Lib for most; see
 * src/test/resources/indicators/golden/SOURCES.md), to 1e-6 relative, warm-up included: no value exactly where the
 * reference has none. Read twice: bar by bar as a live scanner reads the newest bar, and all at once with offsets
 * as a window warmed from stored bars is read.
 */
class GoldenIndicatorsTest {

    private static final double RELATIVE = 1e-6;
    /** Holds every golden bar, so each stream starts at bar 0 as the reference does. */
    private static final int CAPACITY = 400;

    static Stream<Arguments> golden() {
        return Stream.of(
                Arguments.of("sma_20", IndicatorSpec.of(Indicator.SMA, 20)),
                Arguments.of("ema_20", IndicatorSpec.of(Indicator.EMA, 20)),
                Arguments.of("wma_20", IndicatorSpec.of(Indicator.WMA, 20)),
                Arguments.of("hma_16", IndicatorSpec.of(Indicator.HMA, 16)),
                Arguments.of("rsi_14", IndicatorSpec.of(Indicator.RSI, 14)),
                Arguments.of("atr_14", IndicatorSpec.of(Indicator.ATR, 14)),
                Arguments.of("macd_12_26_9", IndicatorSpec.of(Indicator.MACD, 12, 26, 9)),
                Arguments.of("bbands_20_2", IndicatorSpec.of(Indicator.BOLLINGER, 20, 2)),
                Arguments.of("stoch_14_3_3", IndicatorSpec.of(Indicator.STOCHASTIC, 14, 3, 3)),
                Arguments.of("stochrsi_14_14_3_3", IndicatorSpec.of(Indicator.STOCHASTIC_RSI, 14, 14, 3, 3)),
                Arguments.of("adx_14", IndicatorSpec.of(Indicator.ADX, 14)),
                Arguments.of("cci_20", IndicatorSpec.of(Indicator.CCI, 20)),
                Arguments.of("willr_14", IndicatorSpec.of(Indicator.WILLIAMS_R, 14)),
                Arguments.of("roc_10", IndicatorSpec.of(Indicator.ROC, 10)),
                Arguments.of("mom_10", IndicatorSpec.of(Indicator.MOMENTUM, 10)),
                Arguments.of("obv", IndicatorSpec.of(Indicator.OBV)),
                Arguments.of("mfi_14", IndicatorSpec.of(Indicator.MFI, 14)),
                Arguments.of("vwap_session", IndicatorSpec.of(Indicator.VWAP)),
                Arguments.of("keltner_20_10_2", IndicatorSpec.of(Indicator.KELTNER, 20, 10, 2)),
                Arguments.of("donchian_20", IndicatorSpec.of(Indicator.DONCHIAN, 20)),
                Arguments.of("sar_0.02_0.2", IndicatorSpec.of(Indicator.SAR, 0.02, 0.2)),
                Arguments.of("supertrend_10_3", IndicatorSpec.of(Indicator.SUPERTREND, 10, 3)),
                Arguments.of("ichimoku_9_26_52", IndicatorSpec.of(Indicator.ICHIMOKU, 9, 26, 52)),
                Arguments.of("stddev_20", IndicatorSpec.of(Indicator.STDDEV, 20)),
                Arguments.of("linregslope_14", IndicatorSpec.of(Indicator.LINREG_SLOPE, 14)),
                Arguments.of("pivots_classic", IndicatorSpec.of(Indicator.PIVOTS)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void matchesTheReferenceBarByBar(String file, IndicatorSpec spec) {
        List<Bar> bars = GoldenBars.bars();
        BarWindow window = new BarWindow(GoldenBars.TICKER, CAPACITY);
        compare(file, spec, bars.size(), (index, output) -> {
            if (window.size() == index) {
                window.add(bars.get(index));
            }
            return Indicators.value(window, spec, output, 0);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void matchesTheReferenceReadBackWithOffsets(String file, IndicatorSpec spec) {
        List<Bar> bars = GoldenBars.bars();
        BarWindow window = TestBars.window(CAPACITY, bars);
        compare(file, spec, bars.size(), (index, output) -> Indicators.value(window, spec, output, bars.size() - 1 - index));
    }

    private static void compare(String file, IndicatorSpec spec, int bars, Reader reader) {
        String resource = "indicators/golden/" + file + ".csv";
        String[] header = GoldenBars.header(resource);
        List<String[]> rows = GoldenBars.rows(resource);
        assertEquals(bars, rows.size(), resource + " has a row per bar");
        int[] outputs = new int[header.length];
        for (int column = 1; column < header.length; column++) {
            outputs[column] = "value".equals(header[column]) ? 0 : spec.indicator().output(header[column]);
            assertTrue(outputs[column] >= 0, resource + ": " + spec.indicator() + " has no output " + header[column]);
        }
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int index = 0; index < rows.size(); index++) {
            for (int column = 1; column < header.length; column++) {
                String cell = rows.get(index)[column];
                double actual = reader.read(index, outputs[column]);
                if (cell.isEmpty()) {
                    if (!Double.isNaN(actual)) {
                        mismatches.add("bar " + index + " " + header[column] + ": the reference has no value yet, got " + actual);
                    }
                    continue;
                }
                double expected = Double.parseDouble(cell);
                compared++;
                if (!(Math.abs(actual - expected) <= RELATIVE * Math.abs(expected) + 1e-12)) {
                    mismatches.add("bar " + index + " " + header[column] + ": expected " + expected + ", got " + actual);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(spec + " differs from " + resource + " at " + mismatches.size() + " values, first: "
                    + String.join("; ", mismatches.subList(0, Math.min(5, mismatches.size()))));
        }
        assertTrue(compared > rows.size() / 2, resource + " compares values, not only warm-up: " + compared);
    }

    @FunctionalInterface
    private interface Reader {
        double read(int index, int output);
    }
}
