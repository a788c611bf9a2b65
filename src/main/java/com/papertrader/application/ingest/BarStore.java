package com.papertrader.application.ingest;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.StoredBars;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The port to the stored bars: one row per ticker and bar start (table ohlcv_data). */
public interface BarStore {

    /**
     * Inserts the bars not stored yet and updates those whose values were revised, in one transaction.
     *
     * @return what changed, in bar time order; bars stored before with the same values are not in it
     */
    StoredBars upsert(List<Bar> bars);

    /** The newest {@code count} bars of a ticker, oldest first. */
    List<Bar> latest(String ticker, int count);

    /** The newest {@code count} bars of a ticker that start at or before {@code through}, oldest first. */
    List<Bar> latestUpTo(String ticker, Instant through, int count);

    /** The bars of a ticker that start after {@code start}, oldest first. */
    List<Bar> after(String ticker, Instant start);

    /** The bars of a ticker with start in [from, to), oldest first. */
    List<Bar> range(String ticker, Instant from, Instant to);

    Optional<Instant> lastBarStart(String ticker);

    long count();
}
