package com.papertrader.application.ingest;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MinuteBars;
import com.papertrader.domain.market.MinuteStream;
import com.papertrader.domain.market.StoredBars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores and sends downstream the bars a minute stream completes ({@code polygon.feed=websocket}), each as soon as it is
 * complete. The {@link BarPoller} goes on polling REST as the source of truth: a REST read of a bar the stream built is
 * a revision when the values differ, and the bars a disconnect cut are backfilled by it.
 * <p>
 * The stream's thread only builds bars; storing and trading run on the executor, one batch at a time, everything
 * completed meanwhile in the next batch. So the stream is read on while a batch is stored (Polygon disconnects a client
 * that reads slowly) and a burst of minutes (every ticker's last minute of a bar) is stored in a few transactions.
 * <p>
 * A ticker's bars must be traded in order: a bar older than one traded already is stored but never scanned. So after
 * each (re)connection a ticker's first streamed bar is stored only once the bar before it is (REST brings the bar the
 * connection cut); until then it is left to the REST poll too. From then on the connection's bars follow each other.
 */
public final class StreamIngest implements MinuteStream.Listener {

    private static final Logger LOG = Logger.getLogger(StreamIngest.class.getName());

    private final MinuteStream stream;
    private final MinuteBars bars;
    private final BarSchedule schedule;
    private final BarStore store;
    private final FeedStats stats;
    private final Executor executor;
    private final Consumer<BarsIngested> downstream;
    private final Queue<Bar> completed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean storing = new AtomicBoolean();
    private final AtomicLong barsStored = new AtomicLong();
    /** Tickers whose bars on this connection follow a stored bar: their next bars need no check. */
    private final Set<String> following = ConcurrentHashMap.newKeySet();

    public StreamIngest(MinuteStream stream, MinuteBars bars, BarSchedule schedule, BarStore store, FeedStats stats, Executor executor,
                        Consumer<BarsIngested> downstream) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.bars = Objects.requireNonNull(bars, "bars");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.store = Objects.requireNonNull(store, "store");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /** One timer tick: (re)connects when needed and stores the bars whose last minutes never came. */
    public void tick() {
        stream.keepConnected(this);
        queue(bars.due());
    }

    /** This server no longer runs the desk (or stops): the stream is closed, and opened again by the next {@link #tick()}. */
    public void close() {
        stream.close();
        interrupted();
    }

    @Override
    public void subscribed(Instant at) {
        // minutes arrive the plan's delay after their end: the first bar the stream sees whole starts a delay before now
        following.clear();
        bars.coverFrom(at.minus(schedule.providerDelay()));
    }

    @Override
    public void minutes(List<Bar> minutes) {
        List<Bar> complete = new ArrayList<>();
        minutes.forEach(minute -> complete.addAll(bars.add(minute)));
        queue(complete);
        recordCounts();
    }

    @Override
    public void interrupted() {
        following.clear();
        bars.interrupted();
    }

    private void queue(List<Bar> complete) {
        complete.stream().filter(bar -> schedule.isSessionBar(bar.start())).forEach(completed::add);
        startStoring();
    }

    private void startStoring() {
        if (!completed.isEmpty() && storing.compareAndSet(false, true)) {
            executor.execute(this::storeCompleted);
        }
    }

    private void storeCompleted() {
        try {
            for (List<Bar> batch = takeCompleted(); !batch.isEmpty(); batch = takeCompleted()) {
                store(batch);
            }
        } finally {
            storing.set(false);
        }
        startStoring(); // a bar queued after the last take, while this run still held the flag
    }

    private List<Bar> takeCompleted() {
        List<Bar> batch = new ArrayList<>();
        for (Bar bar = completed.poll(); bar != null; bar = completed.poll()) {
            batch.add(bar);
        }
        batch.sort(Comparator.comparing(Bar::start).thenComparing(Bar::ticker));
        return batch;
    }

    private void store(List<Bar> built) {
        try {
            List<Bar> batch = built.stream().filter(this::followsAStoredBar).toList();
            if (!batch.isEmpty()) {
                StoredBars stored = store.upsert(batch);
                barsStored.addAndGet(stored.inserted().size());
                stats.recordBars(stored.changed());
                if (!stored.isEmpty()) {
                    Instant newestEnd = stored.changed().get(stored.changed().size() - 1).end();
                    stats.recordStreamStored(newestEnd);
                    downstream.accept(new BarsIngested(stored.changed(), batch.get(0).start()));
                    stats.recordStreamTraded(stored.changed().size(), newestEnd);
                }
            }
        } catch (RuntimeException e) {
            Bar first = built.get(0);
            String problem = "Storing " + built.size() + " streamed bars failed (the first " + first.ticker() + " at " + first.start()
                    + "); the REST poll brings them: " + e.getMessage();
            stats.recordError(problem);
            LOG.severe(problem);
            LOG.log(Level.FINE, "Storing streamed bars", e);
        }
        recordCounts();
    }

    /** True when the bar before this one (in the schedule's sessions) is stored: this bar may trade in order. */
    private boolean followsAStoredBar(Bar bar) {
        if (following.contains(bar.ticker())) {
            return true;
        }
        Instant previous = schedule.latestDueBar(schedule.dueAt(bar.start()).minusMillis(1));
        boolean follows = store.lastBarStart(bar.ticker()).filter(newest -> !newest.isBefore(previous)).isPresent();
        if (follows) {
            following.add(bar.ticker());
        } else {
            LOG.fine(() -> bar.ticker() + " at " + bar.start() + ": the bar before it is not stored yet, so it is left to the REST poll");
        }
        return follows;
    }

    private void recordCounts() {
        MinuteBars.Counts counts = bars.counts();
        stats.recordStreamCounts(counts.minutes(), counts.late(), barsStored.get());
    }
}
