package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;
import java.util.Locale;
import java.util.Objects;

/**
 * A value per bar that a crossover compares, written as scripts write it: a price ({@code "close"}, {@code "open"},
 * {@code "high"}, {@code "low"}), an indicator's output with its parameters after colons ({@code "sma:20"},
 * {@code "macd.signal:12:26:9"}, {@code "bb.lower:20:2"}, {@code "vwap"}; without a dot, the indicator's first
 * output), or a constant level such as {@code 30}.
 */
public record Series(Kind kind, IndicatorSpec indicator, int output, double level) {

    public enum Kind {
        CLOSE, OPEN, HIGH, LOW, INDICATOR, LEVEL
    }

    private static final String FORMS = "close, open, high, low, a number, or an indicator such as sma:20, "
            + "macd.signal:12:26:9 or bb.lower:20:2";

    public Series {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.INDICATOR) != (indicator != null)) {
            throw new IllegalArgumentException("an indicator series names its indicator, and only it does");
        }
    }

    public static Series level(double level) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("a level to cross must be a finite number, got " + level);
        }
        return new Series(Kind.LEVEL, null, 0, level);
    }

    public static Series of(IndicatorSpec indicator, int output) {
        return new Series(Kind.INDICATOR, indicator, output, 0);
    }

    /** @throws IllegalArgumentException naming the accepted forms, or what is wrong with the indicator's parameters */
    public static Series parse(String text) {
        Objects.requireNonNull(text, "series");
        String spec = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = spec.split(":", -1);
        Kind price = switch (parts[0]) {
            case "close" -> Kind.CLOSE;
            case "open" -> Kind.OPEN;
            case "high" -> Kind.HIGH;
            case "low" -> Kind.LOW;
            default -> null;
        };
        if (price != null) {
            if (parts.length > 1) {
                throw new IllegalArgumentException("series '" + text + "': " + parts[0] + " takes no parameters; use " + FORMS);
            }
            return new Series(price, null, 0, 0);
        }
        int dot = parts[0].indexOf('.');
        String name = dot < 0 ? parts[0] : parts[0].substring(0, dot);
        Indicator indicator = Indicator.named(name).orElse(null);
        if (indicator == null) {
            try {
                return level(Double.parseDouble(spec));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown series '" + text + "': use " + FORMS);
            }
        }
        int output = dot < 0 ? 0 : indicator.output(parts[0].substring(dot + 1));
        if (output < 0) {
            throw new IllegalArgumentException("series '" + text + "': " + indicator + " has the outputs "
                    + String.join(", ", indicator.outputs()) + ", like " + indicator + "." + indicator.outputs().get(0));
        }
        if (parts.length - 1 != indicator.parameters().size()) {
            throw new IllegalArgumentException("series '" + text + "' needs " + indicator.parameters().size()
                    + " number" + (indicator.parameters().size() == 1 ? "" : "s") + " after " + indicator + " "
                    + indicator.signature() + ", like " + indicator.example());
        }
        double[] parameters = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            try {
                parameters[i - 1] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("series '" + text + "': " + indicator + " " + indicator.parameters().get(i - 1).name()
                        + " must be a number, like " + indicator.example());
            }
        }
        return of(IndicatorSpec.of(indicator, parameters), output);
    }

    /** The series' value as of {@code offset} bars before the newest; NaN when the window holds too few bars. */
    public double valueAt(BarWindow window, int offset) {
        int index = window.size() - 1 - offset;
        return switch (kind) {
            case CLOSE -> index < 0 ? Double.NaN : window.close(index);
            case OPEN -> index < 0 ? Double.NaN : window.open(index);
            case HIGH -> index < 0 ? Double.NaN : window.high(index);
            case LOW -> index < 0 ? Double.NaN : window.low(index);
            case INDICATOR -> Indicators.value(window, indicator, output, offset);
            case LEVEL -> level;
        };
    }
}
