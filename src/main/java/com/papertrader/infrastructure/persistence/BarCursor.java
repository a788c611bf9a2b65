package com.papertrader.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The newest bar of a ticker the broker and the scanner have processed. Saved in the same transaction as the
 * trading it caused, so after a crash the bars stored but not yet traded on are found and processed, once.
 */
@Entity
@Table(name = "bar_cursors")
public class BarCursor {

    @Id
    @Column(length = 16)
    private String ticker;

    /** Start of the newest processed bar, epoch milliseconds (as in ohlcv_data). */
    @Column(name = "processed_through", nullable = false)
    private long processedThrough;

    protected BarCursor() {
    }

    public BarCursor(String ticker, Instant processedThrough) {
        this.ticker = ticker;
        this.processedThrough = processedThrough.toEpochMilli();
    }

    public String ticker() {
        return ticker;
    }

    public Instant processedThrough() {
        return Instant.ofEpochMilli(processedThrough);
    }
}
