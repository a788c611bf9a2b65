package com.papertrader.domain.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Counters for the dashboard: API calls today (New York date) and in the last minute, the last poll, the last error,
 * the last finished poll cycle's timing, and per ticker the newest bar and how old it is. Written by the poller and the
 * feed, read by pages; thread-safe.
 */
public final class FeedStats {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** How bars arrive, as {@link Observer#batchTraded} names it: polled over REST, or built from the minute stream. */
    public static final String REST = "rest";
    public static final String STREAM = "stream";

    private final Clock clock;
    private final Observer observer;
    private final Deque<Instant> callsInLastMinute = new ArrayDeque<>();
    private final Map<String, Bar> newestBars = new HashMap<>();
    private LocalDate today;
    private int callsToday;
    private Instant lastPollAt;
    private Instant lastErrorAt;
    private String lastError;
    private PollCycle lastCycle;
    private Stream stream;

    /** Counters for the dashboard only. */
    public FeedStats(Clock clock) {
        this(clock, Observer.NONE);
    }

    /** Counters for the dashboard, each figure also handed to {@code observer} as it happens (the metrics). */
    public FeedStats(Clock clock, Observer observer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Who else wants the feed's figures as they happen: the operator's metrics. Called on the recording thread. */
    public interface Observer {

        Observer NONE = new Observer() {
        };

        /** A call to the feed answered (or failed): which endpoint, how long it took, how it ended. */
        default void callAnswered(String endpoint, Duration took, CallOutcome outcome) {
        }

        /** A poll cycle finished. */
        default void cycleFinished(PollCycle cycle) {
        }

        /** A batch of bars was stored, its newest bar having ended {@code afterBarEnd} before; its trading follows. */
        default void batchStored(String path, Duration afterBarEnd) {
        }

        /** A batch of bars was stored and traded, its newest bar having ended {@code afterBarEnd} before its orders were stored. */
        default void batchTraded(String path, int bars, Duration afterBarEnd) {
        }

        /** Bars the feed sent that were not valid bars (logged with their ticker), dropped. */
        default void barsRejected(int bars) {
        }

        /** This observer, then {@code next}, told each figure in turn. */
        default Observer and(Observer next) {
            Observer first = this;
            return new Observer() {
                @Override
                public void callAnswered(String endpoint, Duration took, CallOutcome outcome) {
                    first.callAnswered(endpoint, took, outcome);
                    next.callAnswered(endpoint, took, outcome);
                }

                @Override
                public void cycleFinished(PollCycle cycle) {
                    first.cycleFinished(cycle);
                    next.cycleFinished(cycle);
                }

                @Override
                public void batchStored(String path, Duration afterBarEnd) {
                    first.batchStored(path, afterBarEnd);
                    next.batchStored(path, afterBarEnd);
                }

                @Override
                public void batchTraded(String path, int bars, Duration afterBarEnd) {
                    first.batchTraded(path, bars, afterBarEnd);
                    next.batchTraded(path, bars, afterBarEnd);
                }

                @Override
                public void barsRejected(int bars) {
                    first.barsRejected(bars);
                    next.barsRejected(bars);
                }
            };
        }
    }

    /** How a call to the feed ended. */
    public enum CallOutcome {
        ANSWERED, RATE_LIMITED, REFUSED, TIMED_OUT, UNREADABLE
    }

    /** What the dashboard shows. Ticker entries are sorted by ticker. */
    public record Snapshot(int callsToday, int callsInLastMinute, Optional<Instant> lastPollAt,
                           Optional<Instant> lastErrorAt, Optional<String> lastError, Map<String, TickerStatus> tickers,
                           Optional<PollCycle> lastCycle, Optional<Stream> stream) {
    }

    /**
     * The minute stream, when one is configured.
     *
     * @param state       connecting, subscribed, disconnected or refused (the key: the stream is given up, REST goes on)
     * @param since       when it entered that state
     * @param detail      why (the server's message, the connection error), or null
     * @param minutes     minute bars taken since the start
     * @param lateMinutes minutes dropped because their bar was built already (REST revises it)
     * @param bars        bars built from minutes and stored
     * @param lastStoredAfterBarEnd from the end of the newest bar of the last batch stored to its bars stored; null until one
     * @param lastTradedAfterBarEnd from the same bar's end to its trading done (orders stored); null until one
     */
    public record Stream(String state, Instant since, String detail, long minutes, long lateMinutes, long bars,
                         Duration lastStoredAfterBarEnd, Duration lastTradedAfterBarEnd) {
    }

    /** @param age how long ago the newest bar ended */
    public record TickerStatus(Instant newestBarStart, Duration age) {
    }

    public synchronized void recordCall() {
        Instant now = clock.instant();
        rollOverDay(now);
        forgetCallsBefore(now.minus(MINUTE));
        callsToday++;
        callsInLastMinute.addLast(now);
    }

    /** A call counted by {@link #recordCall()} answered or failed, for the metrics. */
    public void recordAnswer(String endpoint, Duration took, CallOutcome outcome) {
        observer.callAnswered(endpoint, took, outcome);
    }

    /** A poll cycle's batch of bars stored, of the bar ending at {@code barEnd} (or older, when catching up), for the metrics. */
    public void recordBatchStored(Instant barEnd) {
        observer.batchStored(REST, Duration.between(barEnd, clock.instant()));
    }

    /**
     * A poll cycle's batch of {@code bars} stored and traded; its bars are of the bar ending at {@code barEnd} (or
     * older, when catching up). For the metrics: the status has the cycle's figures.
     */
    public void recordBatchTraded(int bars, Instant barEnd) {
        observer.batchTraded(REST, bars, Duration.between(barEnd, clock.instant()));
    }

    /** Bars the feed sent that were not valid (each logged by the caller), for the metrics. */
    public void recordRejected(int bars) {
        if (bars > 0) {
            observer.barsRejected(bars);
        }
    }

    public synchronized void recordPoll() {
        lastPollAt = clock.instant();
    }

    public synchronized void recordError(String message) {
        lastErrorAt = clock.instant();
        lastError = message;
    }

    /** The poll cycle that just finished, replacing the one before. */
    public void recordCycle(PollCycle cycle) {
        synchronized (this) {
            lastCycle = Objects.requireNonNull(cycle, "cycle");
        }
        observer.cycleFinished(cycle);
    }

    /** The stream's state changed. */
    public synchronized void recordStreamState(String state, String detail) {
        Stream known = stream();
        stream = new Stream(state, clock.instant(), detail, known.minutes(), known.lateMinutes(), known.bars(), known.lastStoredAfterBarEnd(),
                known.lastTradedAfterBarEnd());
    }

    /** The stream's counts since the start (see {@link Stream}). */
    public synchronized void recordStreamCounts(long minutes, long lateMinutes, long bars) {
        Stream known = stream();
        stream = new Stream(known.state(), known.since(), known.detail(), minutes, lateMinutes, bars, known.lastStoredAfterBarEnd(),
                known.lastTradedAfterBarEnd());
    }

    /** Streamed bars were stored, the newest of them ending at {@code newestBarEnd}; their trading follows. */
    public void recordStreamStored(Instant newestBarEnd) {
        Duration afterBarEnd;
        synchronized (this) {
            Stream known = stream();
            afterBarEnd = Duration.between(newestBarEnd, clock.instant());
            stream = new Stream(known.state(), known.since(), known.detail(), known.minutes(), known.lateMinutes(), known.bars(),
                    afterBarEnd, known.lastTradedAfterBarEnd());
        }
        observer.batchStored(STREAM, afterBarEnd);
    }

    /**
     * {@code bars} streamed bars were traded (their orders stored), the newest of them ending at {@code newestBarEnd}.
     * With {@link #recordStreamStored} the status shows in which step a slow bar spent its time.
     */
    public void recordStreamTraded(int bars, Instant newestBarEnd) {
        Duration afterBarEnd;
        synchronized (this) {
            Stream known = stream();
            afterBarEnd = Duration.between(newestBarEnd, clock.instant());
            stream = new Stream(known.state(), known.since(), known.detail(), known.minutes(), known.lateMinutes(), known.bars(),
                    known.lastStoredAfterBarEnd(), afterBarEnd);
        }
        observer.batchTraded(STREAM, bars, afterBarEnd);
    }

    private Stream stream() {
        return stream == null ? new Stream("subscribed", clock.instant(), null, 0, 0, 0, null, null) : stream;
    }

    /** Keeps the newest bar per ticker; older or repeated bars change nothing. */
    public synchronized void recordBars(Collection<Bar> bars) {
        for (Bar bar : bars) {
            newestBars.merge(bar.ticker(), bar, (known, candidate) -> candidate.start().isAfter(known.start()) ? candidate : known);
        }
    }

    public synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        rollOverDay(now);
        forgetCallsBefore(now.minus(MINUTE));
        Map<String, TickerStatus> tickers = new TreeMap<>();
        newestBars.forEach((ticker, bar) -> tickers.put(ticker, new TickerStatus(bar.start(), Duration.between(bar.end(), now))));
        return new Snapshot(callsToday, callsInLastMinute.size(), Optional.ofNullable(lastPollAt),
                Optional.ofNullable(lastErrorAt), Optional.ofNullable(lastError), Collections.unmodifiableMap(tickers),
                Optional.ofNullable(lastCycle), Optional.ofNullable(stream));
    }

    private void forgetCallsBefore(Instant cutoff) {
        while (!callsInLastMinute.isEmpty() && !callsInLastMinute.peekFirst().isAfter(cutoff)) {
            callsInLastMinute.removeFirst();
        }
    }

    private void rollOverDay(Instant now) {
        LocalDate date = now.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        if (!date.equals(today)) {
            today = date;
            callsToday = 0;
        }
    }
}
