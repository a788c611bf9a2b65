package com.papertrader.domain.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Bars from CSV lines {@code ticker,t,o,h,l,c,v} (t = bar start in epoch milliseconds; a header line is optional; no
 * quoting): the CSV replay's file and a backtest's upload. Bad lines are rejected with their line number and reason
 * and the rest is kept.
 */
public final class CsvBars {

    private static final String[] COLUMNS = {"ticker", "t", "o", "h", "l", "c", "v"};

    private final Map<String, NavigableMap<Instant, Bar>> barsByTicker;
    private final List<RejectedBar> rejectedLines;

    private CsvBars(Map<String, NavigableMap<Instant, Bar>> barsByTicker, List<RejectedBar> rejectedLines) {
        this.barsByTicker = barsByTicker;
        this.rejectedLines = List.copyOf(rejectedLines);
    }

    public static CsvBars read(Reader csv, Timeframe timeframe) throws IOException {
        Map<String, NavigableMap<Instant, Bar>> bars = new HashMap<>();
        Map<String, Integer> firstLineOfBar = new HashMap<>();
        List<RejectedBar> rejected = new ArrayList<>();
        BufferedReader lines = new BufferedReader(csv);
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || (number == 1 && line.strip().toLowerCase(Locale.ROOT).startsWith("ticker"))) {
                continue;
            }
            try {
                Bar bar = parse(line, timeframe);
                Integer earlier = firstLineOfBar.putIfAbsent(bar.ticker() + "@" + bar.start(), number);
                if (earlier != null) {
                    throw BadLine.problem(bar.ticker(), bar.start(), "duplicate of line " + earlier);
                }
                bars.computeIfAbsent(bar.ticker(), ticker -> new TreeMap<>()).put(bar.start(), bar);
            } catch (BadLine e) {
                rejected.add(new RejectedBar(e.ticker, e.start, "line " + number + ": " + e.getMessage()));
            }
        }
        return new CsvBars(bars, rejected);
    }

    /** A ticker's bars with start in [from, to), oldest first. */
    public List<Bar> bars(String ticker, Instant from, Instant to) {
        NavigableMap<Instant, Bar> bars = barsByTicker.getOrDefault(ticker, Collections.emptyNavigableMap());
        return List.copyOf(bars.subMap(from, true, to, false).values());
    }

    /** The earliest bar in the file; empty for a file without a valid bar. */
    public Optional<Instant> firstBarStart() {
        return barsByTicker.values().stream().map(NavigableMap::firstKey).min(Instant::compareTo);
    }

    /** Every line that was not loaded, with its line number and reason. */
    public List<RejectedBar> rejectedLines() {
        return rejectedLines;
    }

    private static Bar parse(String line, Timeframe timeframe) throws BadLine {
        String[] fields = line.split(",", -1);
        if (fields.length != COLUMNS.length) {
            throw BadLine.problem(null, null, "expected 7 fields ticker,t,o,h,l,c,v but found " + fields.length);
        }
        String ticker = fields[0].strip();
        if (ticker.isEmpty()) {
            throw BadLine.problem(null, null, "empty ticker");
        }
        Instant start;
        try {
            start = Instant.ofEpochMilli(Long.parseLong(fields[1].strip()));
        } catch (NumberFormatException e) {
            throw BadLine.problem(ticker, null, "t is not epoch milliseconds: '" + fields[1].strip() + "'");
        }
        BigDecimal[] values = new BigDecimal[5];
        for (int i = 0; i < values.length; i++) {
            String text = fields[i + 2].strip();
            try {
                values[i] = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw BadLine.problem(ticker, start, COLUMNS[i + 2] + " is not a number: '" + text + "'");
            }
        }
        try {
            return new Bar(ticker, start, timeframe.length(), values[0], values[1], values[2], values[3], values[4], null, null);
        } catch (InvalidBarException e) {
            throw new BadLine(ticker, start, e.getMessage());
        }
    }

    /** One line that cannot become a bar; only ever caught in read(). The message names ticker and time when known. */
    private static final class BadLine extends Exception {
        final String ticker;
        final Instant start;

        BadLine(String ticker, Instant start, String reason) {
            super(reason, null, false, false);
            this.ticker = ticker;
            this.start = start;
        }

        static BadLine problem(String ticker, Instant start, String problem) {
            return new BadLine(ticker, start, ticker == null ? problem : RejectedBar.because(ticker, start, problem).reason());
        }
    }
}
