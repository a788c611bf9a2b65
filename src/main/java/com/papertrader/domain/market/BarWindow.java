package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The most recent closed bars of one ticker, oldest first, in a fixed-capacity ring buffer: the scanner keeps one
 * per ticker in memory and scan scripts read it without a database query. Besides the exact {@link Bar}s it keeps
 * the prices as doubles, converted once on arrival, because indicators and scripts read them many times per bar.
 * Index 0 is the oldest bar held, {@code size() - 1} the newest. Not thread-safe: one owner appends and scans.
 */
public final class BarWindow {

    private final String ticker;
    private final Bar[] bars;
    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final double[] vwap;
    /**
     * Most values derived from the bars kept at once: beyond it the least recently used is dropped (and made again if
     * read again), so a script reading ever new indicator parameters cannot fill the memory.
     */
    static final int MAX_DERIVED = 128;

    /** Values derived from the bars and kept with them (indicator streams); dropped when a bar held changes. */
    private final Map<Object, Object> derived = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MAX_DERIVED;
        }
    };
    /** Physical slot of the oldest bar. */
    private int head;
    private int size;
    /** Bars appended since the window was made: the sequence number of the next bar. */
    private long appended;

    public BarWindow(String ticker, int capacity) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        if (capacity < 1) {
            throw new IllegalArgumentException("a bar window of " + ticker + " needs a capacity of at least 1, got " + capacity);
        }
        bars = new Bar[capacity];
        times = new long[capacity];
        open = new double[capacity];
        high = new double[capacity];
        low = new double[capacity];
        close = new double[capacity];
        volume = new double[capacity];
        vwap = new double[capacity];
    }

    /**
     * Takes a closed bar. A bar newer than the newest is appended (dropping the oldest when full); a bar with the
     * start of one already held is a revision and replaces it.
     *
     * @throws IllegalArgumentException for another ticker's bar, or a bar that would fall between or before the bars held
     */
    public void add(Bar bar) {
        Objects.requireNonNull(bar, "bar");
        if (!bar.ticker().equals(ticker)) {
            throw new IllegalArgumentException("bar of " + bar.ticker() + " at " + bar.start()
                    + " does not belong in the bar window of " + ticker);
        }
        if (size == 0 || bar.start().isAfter(newest().start())) {
            append(bar);
            return;
        }
        for (int i = size - 1; i >= 0; i--) {
            int comparison = bar(i).start().compareTo(bar.start());
            if (comparison == 0) {
                store(slot(i), bar);
                derived.clear();
                return;
            }
            if (comparison < 0) {
                break;
            }
        }
        throw new IllegalArgumentException("bar of " + ticker + " at " + bar.start() + " is out of order: the window holds "
                + bar(0).start() + " to " + newest().start() + " and no bar starting at that time");
    }

    /**
     * Puts the bars held from before the split's execution date on the new share basis (prices times
     * {@code splitFrom / splitTo}, volume divided by it), so the window stays continuous across the split.
     */
    public void rescale(Split split) {
        if (!split.ticker().equals(ticker)) {
            throw new IllegalArgumentException(split.describe() + " of " + split.ticker() + " does not apply to the bar window of " + ticker);
        }
        BigDecimal factor = split.priceFactor();
        Instant executionDay = split.executionDate().atStartOfDay(MarketCalendar.NEW_YORK).toInstant();
        for (int i = 0; i < size; i++) {
            Bar bar = bar(i);
            if (bar.start().isBefore(executionDay)) {
                store(slot(i), CorporateActions.scaled(bar, factor));
            }
        }
        derived.clear();
    }

    /**
     * The sequence number of bar {@code index}: bars are numbered 0, 1, 2, ... in the order they were appended, so a
     * number names one bar for the window's life while the indexes shift as old bars drop out.
     */
    public long sequence(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("bar index " + index + " outside the " + size + " bars of " + ticker);
        }
        return appended - size + index;
    }

    /**
     * A value derived from the bars, made by {@code create} on first use and kept until a bar held is revised or
     * rescaled (appending keeps it: derived values follow new bars themselves), or until {@link #MAX_DERIVED} others
     * have been used since.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Function<Object, T> create) {
        return (T) derived.computeIfAbsent(key, create);
    }

    public String ticker() {
        return ticker;
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return bars.length;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** @param index 0 for the oldest bar held, {@code size() - 1} for the newest */
    public Bar bar(int index) {
        return bars[slot(index)];
    }

    /** @throws IllegalStateException when the window is empty */
    public Bar newest() {
        if (size == 0) {
            throw new IllegalStateException("the bar window of " + ticker + " is empty");
        }
        return bar(size - 1);
    }

    /** Bar start in epoch milliseconds. */
    public long time(int index) {
        return times[slot(index)];
    }

    public double open(int index) {
        return open[slot(index)];
    }

    public double high(int index) {
        return high[slot(index)];
    }

    public double low(int index) {
        return low[slot(index)];
    }

    public double close(int index) {
        return close[slot(index)];
    }

    public double volume(int index) {
        return volume[slot(index)];
    }

    /** The bar's own volume-weighted average price, or NaN when the source gave none. */
    public double vwap(int index) {
        return vwap[slot(index)];
    }

    private void append(Bar bar) {
        if (size < bars.length) {
            size++;
        } else {
            head = (head + 1) % bars.length;
        }
        appended++;
        store(slot(size - 1), bar);
    }

    private void store(int slot, Bar bar) {
        bars[slot] = bar;
        times[slot] = bar.start().toEpochMilli();
        open[slot] = bar.open().doubleValue();
        high[slot] = bar.high().doubleValue();
        low[slot] = bar.low().doubleValue();
        close[slot] = bar.close().doubleValue();
        volume[slot] = bar.volume().doubleValue();
        vwap[slot] = bar.vwap() == null ? Double.NaN : bar.vwap().doubleValue();
    }

    private int slot(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("bar index " + index + " outside the " + size + " bars of " + ticker);
        }
        int slot = head + index;
        return slot < bars.length ? slot : slot - bars.length;
    }
}
