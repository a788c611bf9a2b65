package com.papertrader.domain.indicator;

import com.papertrader.domain.market.Bar;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bar series the golden indicator values were computed over, and those values: {@code src/test/resources/indicators},
 * made by {@code src/test/scripts/indicator-golden/generate.js} (sources in {@code golden/SOURCES.md}).
 */
final class GoldenBars {

    static final String TICKER = "GOLD";

    private GoldenBars() {
    }

    static List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        for (String[] row : rows("indicators/bars.csv")) {
            bars.add(new Bar(TICKER, Instant.ofEpochMilli(Long.parseLong(row[0])), Duration.ofMinutes(5), new BigDecimal(row[1]),
                    new BigDecimal(row[2]), new BigDecimal(row[3]), new BigDecimal(row[4]), new BigDecimal(row[5]), null, null));
        }
        return bars;
    }

    /** Header, then rows of cells ("" where the reference gives no value). */
    static List<String[]> rows(String resource) {
        InputStream in = GoldenBars.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] header(String resource) {
        InputStream in = GoldenBars.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.readLine().split(",");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
