package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The indicators scripts can read, by the name scripts use ({@code ctx.macd(12, 26, 9)}, {@code "macd.signal:12:26:9"}),
 * with their parameters and outputs. The first output is the one a series names without a dot ({@code "bb:20:2"} is
 * the upper band). Formulas and sources are on each stream class and in agents/README.md.
 */
public enum Indicator {
    SMA("sma", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new MovingAverages.Sma(w, s.whole(0))),
    EMA("ema", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new MovingAverages.Ema(w, s.whole(0))),
    WMA("wma", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new MovingAverages.Wma(w, s.whole(0))),
    HMA("hma", List.of(Parameter.period("period", 16)), List.of("value"),
            (w, s) -> new MovingAverages.Hma(w, s.whole(0))),
    RSI("rsi", List.of(Parameter.period("period", 14)), List.of("value"),
            (w, s) -> new Oscillators.Rsi(w, s.whole(0))),
    ATR("atr", List.of(Parameter.period("period", 14)), List.of("value"),
            (w, s) -> new Volatility.Atr(w, s.whole(0))),
    MACD("macd", List.of(Parameter.period("fast", 12), Parameter.period("slow", 26), Parameter.period("signal", 9)),
            List.of("macd", "signal", "histogram"),
            (w, s) -> new Trend.Macd(w, s.whole(0), s.whole(1), s.whole(2))),
    BOLLINGER("bb", List.of(Parameter.period("period", 20), Parameter.factor("deviations", 2)),
            List.of("upper", "middle", "lower", "percentB", "bandwidth"),
            (w, s) -> new Volatility.BollingerBands(w, s.whole(0), s.value(1))),
    STOCHASTIC("stoch", List.of(Parameter.period("period", 14), Parameter.period("smoothing", 3), Parameter.period("dPeriod", 3)),
            List.of("k", "d"), (w, s) -> new Oscillators.Stochastic(w, s.whole(0), s.whole(1), s.whole(2))),
    STOCHASTIC_RSI("stochRsi", List.of(Parameter.period("rsiPeriod", 14), Parameter.period("period", 14),
            Parameter.period("smoothing", 3), Parameter.period("dPeriod", 3)), List.of("k", "d"),
            (w, s) -> new Oscillators.StochasticRsi(w, s.whole(0), s.whole(1), s.whole(2), s.whole(3))),
    ADX("adx", List.of(Parameter.period("period", 14)), List.of("adx", "plusDi", "minusDi"),
            (w, s) -> new Trend.Adx(w, s.whole(0))),
    CCI("cci", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new Oscillators.Cci(w, s.whole(0))),
    WILLIAMS_R("williamsR", List.of(Parameter.period("period", 14)), List.of("value"),
            (w, s) -> new Oscillators.WilliamsR(w, s.whole(0))),
    ROC("roc", List.of(Parameter.period("period", 10)), List.of("value"),
            (w, s) -> new Oscillators.Change(w, s.whole(0), true)),
    MOMENTUM("momentum", List.of(Parameter.period("period", 10)), List.of("value"),
            (w, s) -> new Oscillators.Change(w, s.whole(0), false)),
    OBV("obv", List.of(), List.of("value"), (w, s) -> new VolumeAndLevels.OnBalanceVolume(w)),
    MFI("mfi", List.of(Parameter.period("period", 14)), List.of("value"),
            (w, s) -> new Oscillators.MoneyFlowIndex(w, s.whole(0))),
    VWAP("vwap", List.of(), List.of("value"), (w, s) -> new VolumeAndLevels.SessionVwap(w)),
    KELTNER("keltner", List.of(Parameter.period("emaPeriod", 20), Parameter.period("atrPeriod", 10),
            Parameter.factor("multiplier", 2)), List.of("upper", "middle", "lower"),
            (w, s) -> new Volatility.KeltnerChannels(w, s.whole(0), s.whole(1), s.value(2))),
    DONCHIAN("donchian", List.of(Parameter.period("period", 20)), List.of("upper", "middle", "lower"),
            (w, s) -> new Volatility.DonchianChannels(w, s.whole(0))),
    SAR("sar", List.of(Parameter.factor("step", 0.02), Parameter.factor("maximum", 0.2)), List.of("value"),
            (w, s) -> new Trend.ParabolicSar(w, s.value(0), s.value(1))),
    SUPERTREND("supertrend", List.of(Parameter.period("atrPeriod", 10), Parameter.factor("multiplier", 3)),
            List.of("value", "direction"), (w, s) -> new Trend.SuperTrend(w, s.whole(0), s.value(1))),
    ICHIMOKU("ichimoku", List.of(Parameter.period("tenkan", 9), Parameter.period("kijun", 26), Parameter.period("senkouB", 52)),
            List.of("tenkan", "kijun", "senkouA", "senkouB", "chikou"),
            (w, s) -> new Trend.Ichimoku(w, s.whole(0), s.whole(1), s.whole(2))),
    STDDEV("stddev", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new Volatility.StandardDeviation(w, s.whole(0))),
    LINREG_SLOPE("linregSlope", List.of(Parameter.period("period", 14)), List.of("value"),
            (w, s) -> new Trend.LinearRegressionSlope(w, s.whole(0))),
    PIVOTS("pivots", List.of(), List.of("pivot", "r1", "r2", "r3", "s1", "s2", "s3"),
            (w, s) -> new VolumeAndLevels.PivotPoints(w)),
    HIGHEST("highest", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new Volatility.Extreme(w, s.whole(0), true)),
    LOWEST("lowest", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new Volatility.Extreme(w, s.whole(0), false)),
    AVERAGE_VOLUME("avgVolume", List.of(Parameter.period("period", 20)), List.of("value"),
            (w, s) -> new MovingAverages.AverageVolume(w, s.whole(0)));

    /** Most parameters an indicator takes. */
    static final int MAX_PARAMETERS = 4;

    private final String scriptName;
    private final List<Parameter> parameters;
    private final List<String> outputs;
    private final StreamFactory factory;

    Indicator(String scriptName, List<Parameter> parameters, List<String> outputs, StreamFactory factory) {
        this.scriptName = scriptName;
        this.parameters = parameters;
        this.outputs = outputs;
        this.factory = factory;
    }

    /** The name scripts call it by: {@code ctx.stochRsi(...)}. */
    public String scriptName() {
        return scriptName;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** One output ("value") or the names of the fields of the object a script gets. */
    public List<String> outputs() {
        return outputs;
    }

    public boolean hasOneOutput() {
        return outputs.size() == 1;
    }

    /** The indicator scripts call {@code name} (case-insensitive, as series are). */
    public static Optional<Indicator> named(String name) {
        for (Indicator indicator : values()) {
            if (indicator.scriptName.equalsIgnoreCase(name)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }

    /** Index of the output named {@code name} (case-insensitive), or −1. */
    public int output(String name) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** A series naming this indicator with its usual parameters, e.g. {@code macd:12:26:9}. */
    public String example() {
        return scriptName + parameters.stream().map(p -> ":" + p.display(p.usual())).collect(Collectors.joining());
    }

    /** The parameters as a script passes them, e.g. {@code (fast, slow, signal)}. */
    public String signature() {
        return parameters.stream().map(Parameter::name).collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The checks beyond each parameter's own, naming the indicator.
     *
     * @throws IllegalArgumentException when the parameters contradict each other
     */
    void check(IndicatorSpec spec) {
        if (this == MACD && spec.whole(0) >= spec.whole(1)) {
            throw new IllegalArgumentException("macd fast period must be shorter than the slow period, got "
                    + spec.whole(0) + " and " + spec.whole(1));
        }
        if (this == HMA && spec.whole(0) < 2) {
            throw new IllegalArgumentException("hma period must be at least 2, got " + spec.whole(0));
        }
        if (this == SAR && spec.value(0) > spec.value(1)) {
            throw new IllegalArgumentException("sar step must not exceed the maximum, got " + spec.value(0) + " and " + spec.value(1));
        }
    }

    IndicatorStream stream(BarWindow window, IndicatorSpec spec) {
        return factory.create(window, spec);
    }

    @Override
    public String toString() {
        return scriptName;
    }

    /** A parameter: a whole number of bars (at least 1) or a positive factor, with its usual value. */
    public record Parameter(String name, boolean whole, double usual) {

        static Parameter period(String name, int usual) {
            return new Parameter(name, true, usual);
        }

        static Parameter factor(String name, double usual) {
            return new Parameter(name, false, usual);
        }

        /**
         * @throws IllegalArgumentException naming the indicator and the parameter
         */
        double check(Indicator indicator, double value) {
            if (whole && (value != Math.rint(value) || value > Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(indicator + " " + name + " must be a whole number of bars, got " + display(value));
            }
            if (whole && value < 1) {
                throw new IllegalArgumentException(indicator + " " + name + " must be at least 1, got " + display(value));
            }
            if (!whole && !(value > 0 && Double.isFinite(value))) {
                throw new IllegalArgumentException(indicator + " " + name + " must be a number above 0, got " + display(value));
            }
            return value;
        }

        String display(double value) {
            return value == Math.rint(value) && Double.isFinite(value) ? Long.toString((long) value)
                    : Double.toString(value).toLowerCase(Locale.ROOT);
        }
    }

    @FunctionalInterface
    private interface StreamFactory {
        IndicatorStream create(BarWindow window, IndicatorSpec spec);
    }
}
