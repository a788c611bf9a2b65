package com.papertrader.infrastructure.simulated;

import com.papertrader.domain.market.CsvBars;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.RejectedBar;
import com.papertrader.domain.market.Timeframe;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Replays the bars of a CSV file ({@link CsvBars}), read once. Rejected lines are reported once, by
 * {@link #rejectedLines()}, not by every fetch.
 */
public final class CsvReplayFeed implements MarketFeed {

    private final CsvBars file;

    private CsvReplayFeed(CsvBars file) {
        this.file = file;
    }

    public static CsvReplayFeed read(Path csv, Timeframe timeframe) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return new CsvReplayFeed(CsvBars.read(reader, timeframe));
        }
    }

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public FetchedBars fetch(String ticker, Instant from, Instant to) {
        return new FetchedBars(file.bars(ticker, from, to), List.of());
    }

    /** The earliest bar in the file, where a replay starts; empty for a file without a valid bar. */
    public Optional<Instant> firstBarStart() {
        return file.firstBarStart();
    }

    /** Every line that was not loaded, with its line number and reason, for logging at start-up. */
    public List<RejectedBar> rejectedLines() {
        return file.rejectedLines();
    }
}
