package com.papertrader.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ta4j.core.BaseBarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

/**
 * How far ta4j 0.17's EMA(20), RSI(14), ATR(14) and MACD(12, 26, 9) are from the TA-Lib golden values our own
 * indicators match to 1e-6 (src/test/resources/indicators): ta4j seeds its recursions at the first bar and gives a
 * value from there, so its early values differ; this prints where each starts, how far off it gets and from which bar
 * it stays within 1e-6. For BENCHMARKS.md, beside IndicatorBenchmark's ta4j figures. Run:
 * {@code mvn -B -Pbench -q test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.papertrader.bench.Ta4jConventions}
 */
public final class Ta4jConventions {

    /** The golden files' comparison: 1e-6 relative, with a floor for cells whose exact value is 0. */
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-9;

    private Ta4jConventions() {
    }

    public static void main(String[] args) throws IOException {
        List<double[]> bars = csv("/indicators/bars.csv");
        BaseBarSeries series = new BaseBarSeriesBuilder().withName("golden").withNumTypeOf(DoubleNum.class).build();
        for (double[] bar : bars) {
            ZonedDateTime end = ZonedDateTime.ofInstant(Instant.ofEpochMilli((long) bar[0]).plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
            series.addBar(Duration.ofMinutes(5), end, DoubleNum.valueOf(bar[1]), DoubleNum.valueOf(bar[2]), DoubleNum.valueOf(bar[3]),
                    DoubleNum.valueOf(bar[4]), DoubleNum.valueOf(bar[5]));
        }
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        EMAIndicator ema = new EMAIndicator(close, 20);
        RSIIndicator rsi = new RSIIndicator(close, 14);
        ATRIndicator atr = new ATRIndicator(series, 14);
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        EMAIndicator signal = new EMAIndicator(macd, 9);

        System.out.println("ta4j 0.17 (DoubleNum) against the TA-Lib golden values, " + bars.size() + " bars; within = |ta4j - ref| <= "
                + "max(1e-6 |ref|, 1e-9); relative difference over bars where |ref| >= 1e-6");
        System.out.println();
        System.out.println("| indicator | ta4j's first value | reference's first value | ta4j getUnstableBars() "
                + "| largest relative difference (bar) | within 1e-6 from bar |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        int count = series.getBarCount();
        report("EMA(20)", values(count, ema), column("/indicators/golden/ema_20.csv", 1), ema.getUnstableBars());
        report("RSI(14)", values(count, rsi), column("/indicators/golden/rsi_14.csv", 1), rsi.getUnstableBars());
        report("ATR(14)", values(count, atr), column("/indicators/golden/atr_14.csv", 1), atr.getUnstableBars());
        double[] line = values(count, macd);
        double[] smoothed = values(count, signal);
        double[] histogram = new double[count];
        for (int i = 0; i < count; i++) {
            histogram[i] = line[i] - smoothed[i];
        }
        String golden = "/indicators/golden/macd_12_26_9.csv";
        report("MACD(12, 26) macd", line, column(golden, 1), macd.getUnstableBars());
        report("MACD signal, EMA(9) of macd", smoothed, column(golden, 2), signal.getUnstableBars());
        report("MACD histogram", histogram, column(golden, 3), signal.getUnstableBars());
    }

    private static double[] values(int count, Indicator<Num> indicator) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            Num value = indicator.getValue(i);
            values[i] = value == null || value.isNaN() ? Double.NaN : value.doubleValue();
        }
        return values;
    }

    private static void report(String name, double[] ta4j, double[] reference, int unstableBars) {
        if (ta4j.length != reference.length) {
            throw new IllegalStateException(name + ": " + ta4j.length + " ta4j values for " + reference.length + " reference rows");
        }
        double largest = 0;
        int largestAt = -1;
        int withinFrom = -1;
        for (int i = 0; i < reference.length; i++) {
            if (Double.isNaN(reference[i])) {
                continue;
            }
            double difference = Math.abs(ta4j[i] - reference[i]);
            boolean within = difference <= Math.max(RELATIVE * Math.abs(reference[i]), ABSOLUTE_FLOOR);
            if (!within) {
                withinFrom = -1;
            } else if (withinFrom < 0) {
                withinFrom = i;
            }
            double relative = Double.isNaN(ta4j[i]) ? Double.POSITIVE_INFINITY : difference / Math.abs(reference[i]);
            if (Math.abs(reference[i]) >= 1e-6 && relative > largest) {
                largest = relative;
                largestAt = i;
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %d | %.1e (bar %d) | %s |%n", name, first(ta4j), first(reference), unstableBars,
                largest, largestAt, withinFrom < 0 ? "never" : String.valueOf(withinFrom));
    }

    private static String first(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return String.valueOf(i);
            }
        }
        return "none";
    }

    /** Column {@code index} of a golden file, one value per bar; NaN where the reference has none. */
    private static double[] column(String resource, int index) throws IOException {
        return csv(resource).stream().mapToDouble(row -> row[index]).toArray();
    }

    /** A CSV resource with a header, every cell a number or empty (NaN). */
    private static List<double[]> csv(String resource) throws IOException {
        InputStream in = Ta4jConventions.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the classpath (src/test/resources)");
        }
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            int columns = header.split(",", -1).length;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                rows.add(Arrays.stream(Arrays.copyOf(cells, columns))
                        .mapToDouble(cell -> cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell)).toArray());
            }
        }
        return rows;
    }
}
