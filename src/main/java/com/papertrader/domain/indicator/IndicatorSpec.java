package com.papertrader.domain.indicator;

import java.util.Objects;

/**
 * An indicator with its parameters, checked: {@code macd(12, 26, 9)}. Equal specs share one stream per window.
 * Up to {@link Indicator#MAX_PARAMETERS} parameters, unused ones 0.
 */
public record IndicatorSpec(Indicator indicator, double first, double second, double third, double fourth) {

    /**
     * @throws IllegalArgumentException naming the indicator: the wrong number of parameters, a period that is not a
     *                                  whole number of at least 1, a factor not above 0, or parameters that contradict
     */
    public static IndicatorSpec of(Indicator indicator, double... parameters) {
        Objects.requireNonNull(indicator, "indicator");
        int expected = indicator.parameters().size();
        if (parameters.length != expected) {
            throw new IllegalArgumentException(indicator + " takes " + expected + " parameter" + (expected == 1 ? "" : "s")
                    + " " + indicator.signature() + ", got " + parameters.length);
        }
        double[] values = new double[Indicator.MAX_PARAMETERS];
        for (int i = 0; i < expected; i++) {
            values[i] = indicator.parameters().get(i).check(indicator, parameters[i]);
        }
        IndicatorSpec spec = new IndicatorSpec(indicator, values[0], values[1], values[2], values[3]);
        indicator.check(spec);
        return spec;
    }

    /** Parameter {@code index} as a number of bars. */
    int whole(int index) {
        return (int) value(index);
    }

    double value(int index) {
        return switch (index) {
            case 0 -> first;
            case 1 -> second;
            case 2 -> third;
            case 3 -> fourth;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(indicator.scriptName());
        for (int i = 0; i < indicator.parameters().size(); i++) {
            text.append(':').append(indicator.parameters().get(i).display(value(i)));
        }
        return text.toString();
    }
}
