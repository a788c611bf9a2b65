package com.papertrader.domain.indicator;

import com.papertrader.domain.market.BarWindow;
import java.util.Locale;
import java.util.Objects;

/**
 * A value per bar that a crossover compares, written as scripts write it: {@code "close"}, {@code "open"},
 * {@code "high"}, {@code "low"}, {@code "vwap"} (of the day), {@code "sma:20"}, {@code "ema:9"}, {@code "rsi:14"},
 * {@code "atr:14"}, or a constant level such as {@code 30}.
 */
public record Series(Kind kind, int period, double level) {

    public enum Kind {
        CLOSE(false), OPEN(false), HIGH(false), LOW(false), VWAP(false), SMA(true), EMA(true), RSI(true), ATR(true), LEVEL(false);

        private final boolean periodic;

        Kind(boolean periodic) {
            this.periodic = periodic;
        }

        /** Whether the series takes a period, as in {@code sma:20}. */
        public boolean periodic() {
            return periodic;
        }
    }

    private static final String FORMS = "close, open, high, low, vwap, sma:N, ema:N, rsi:N, atr:N or a number";

    public Series {
        Objects.requireNonNull(kind, "kind");
        if (kind.periodic() && period < 1) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " period must be at least 1, got " + period);
        }
    }

    public static Series level(double level) {
        if (!Double.isFinite(level)) {
            throw new IllegalArgumentException("a level to cross must be a finite number, got " + level);
        }
        return new Series(Kind.LEVEL, 0, level);
    }

    /** @throws IllegalArgumentException naming the accepted forms */
    public static Series parse(String text) {
        Objects.requireNonNull(text, "series");
        String spec = text.trim().toLowerCase(Locale.ROOT);
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        Kind kind = switch (name) {
            case "close" -> Kind.CLOSE;
            case "open" -> Kind.OPEN;
            case "high" -> Kind.HIGH;
            case "low" -> Kind.LOW;
            case "vwap" -> Kind.VWAP;
            case "sma" -> Kind.SMA;
            case "ema" -> Kind.EMA;
            case "rsi" -> Kind.RSI;
            case "atr" -> Kind.ATR;
            default -> null;
        };
        if (kind == null) {
            try {
                return level(Double.parseDouble(spec));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unknown series '" + text + "': use " + FORMS);
            }
        }
        boolean periodic = kind.periodic();
        if (periodic != (colon >= 0)) {
            throw new IllegalArgumentException("series '" + text + "' " + (periodic ? "needs a period, like " + name + ":20"
                    : "takes no period") + "; use " + FORMS);
        }
        if (!periodic) {
            return new Series(kind, 0, 0);
        }
        try {
            return new Series(kind, Integer.parseInt(spec.substring(colon + 1)), 0);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("series '" + text + "' needs a whole-number period, like " + name + ":20");
        }
    }

    /** The series' value as of {@code offset} bars before the newest; NaN when the window holds too few bars. */
    public double valueAt(BarWindow window, int offset) {
        int index = window.size() - 1 - offset;
        return switch (kind) {
            case CLOSE -> index < 0 ? Double.NaN : window.close(index);
            case OPEN -> index < 0 ? Double.NaN : window.open(index);
            case HIGH -> index < 0 ? Double.NaN : window.high(index);
            case LOW -> index < 0 ? Double.NaN : window.low(index);
            case VWAP -> Indicators.sessionVwap(window, offset);
            case SMA -> Indicators.sma(window, period, offset);
            case EMA -> Indicators.ema(window, period, offset);
            case RSI -> Indicators.rsi(window, period, offset);
            case ATR -> Indicators.atr(window, period, offset);
            case LEVEL -> level;
        };
    }
}
