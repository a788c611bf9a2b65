package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Builds the bars of a timeframe from a stream's minute bars (Polygon's {@code AM} events), each as soon as it is
 * complete: when its last minute arrives, when a later minute of the same ticker arrives, or, when its last minutes had
 * no trades (a minute without trades is never sent), once the clock passes the time the schedule makes it due (its end
 * plus the plan's delay and the grace), when REST would be asked for it.
 * <p>
 * A minute sent again replaces the first one (the stream re-sends corrected minutes); minutes may come in any order
 * within their bar. A minute of a bar already built comes too late: it is counted and dropped, and the REST read of the
 * same bar, the source of truth, revises it. A bar is only built when the stream covered all of it: from
 * {@link #coverFrom} on (each connection's start) until {@link #interrupted} (a disconnect); a bar cut by either is
 * left to the REST backfill. Thread-safe: the stream's messages and the timer's ticks both call in.
 */
public final class MinuteBars {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final BarSchedule schedule;
    private final Timeframe timeframe;
    private final Clock clock;
    /** Per ticker, the bar being built: its start and its minutes by start. */
    private final Map<String, Building> building = new HashMap<>();
    /** Per ticker, the start of the newest bar built: a minute of it or of an older bar is late. */
    private final Map<String, Instant> newestBuilt = new HashMap<>();
    private Instant coveredFrom;
    private long minutes;
    private long late;

    public MinuteBars(BarSchedule schedule, Clock clock) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.timeframe = schedule.timeframe();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Counts since start: minutes taken, and minutes dropped because their bar was built already. */
    public record Counts(long minutes, long late) {
    }

    private record Building(Instant start, TreeMap<Instant, Bar> minutes) {
    }

    /** The stream covers the market from {@code from} (a connection's start, in market time): bars starting earlier are not built. */
    public synchronized void coverFrom(Instant from) {
        building.clear();
        coveredFrom = Objects.requireNonNull(from, "from");
    }

    /** The stream stopped (a disconnect): the bars being built lack minutes, so none is built until {@link #coverFrom}. */
    public synchronized void interrupted() {
        building.clear();
        coveredFrom = null;
    }

    /**
     * Takes one minute bar.
     *
     * @return the bars this minute completed (its ticker's previous bar, its own), oldest first
     * @throws IllegalArgumentException for a bar that is not one minute long
     */
    public synchronized List<Bar> add(Bar minute) {
        if (!minute.span().equals(MINUTE)) {
            throw new IllegalArgumentException("Not a minute bar: " + minute.ticker() + " at " + minute.start() + " spans " + minute.span());
        }
        Instant barStart = barStart(minute.start());
        Instant newest = newestBuilt.get(minute.ticker());
        if (newest != null && !barStart.isAfter(newest)) {
            late++;
            return List.of();
        }
        if (coveredFrom == null || barStart.isBefore(coveredFrom)) {
            return List.of();
        }
        minutes++;
        List<Bar> built = new ArrayList<>(2);
        Building current = building.get(minute.ticker());
        if (current != null && current.start().isBefore(barStart)) {
            built.add(build(minute.ticker(), current));
            current = null;
        }
        if (current == null) {
            current = new Building(barStart, new TreeMap<>());
            building.put(minute.ticker(), current);
        }
        current.minutes().put(minute.start(), minute);
        if (minute.end().equals(barStart.plus(timeframe.length()))) {
            built.add(build(minute.ticker(), current));
        }
        return built;
    }

    /** The bars the schedule makes due by the clock, their last minutes never sent, oldest first. */
    public synchronized List<Bar> due() {
        Instant now = clock.instant();
        List<Bar> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Building>> it = building.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Building> entry = it.next();
            Building bar = entry.getValue();
            if (!schedule.dueAt(bar.start()).isAfter(now)) {
                it.remove();
                due.add(combine(entry.getKey(), bar));
                newestBuilt.put(entry.getKey(), bar.start());
            }
        }
        due.sort(Comparator.comparing(Bar::start).thenComparing(Bar::ticker));
        return due;
    }

    public synchronized Counts counts() {
        return new Counts(minutes, late);
    }

    private Bar build(String ticker, Building bar) {
        building.remove(ticker);
        newestBuilt.put(ticker, bar.start());
        return combine(ticker, bar);
    }

    /** First open, highest high, lowest low, last close, summed volume, volume-weighted VWAP (when every minute has one). */
    private Bar combine(String ticker, Building bar) {
        List<Bar> minutes = List.copyOf(bar.minutes().values());
        BigDecimal high = minutes.get(0).high();
        BigDecimal low = minutes.get(0).low();
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal tradedValue = BigDecimal.ZERO;
        boolean everyVwap = true;
        for (Bar minute : minutes) {
            high = high.max(minute.high());
            low = low.min(minute.low());
            volume = volume.add(minute.volume());
            everyVwap &= minute.vwap() != null;
            if (minute.vwap() != null) {
                tradedValue = tradedValue.add(minute.vwap().multiply(minute.volume()));
            }
        }
        BigDecimal vwap = everyVwap && volume.signum() > 0 ? tradedValue.divide(volume, MathContext.DECIMAL64) : null;
        return new Bar(ticker, bar.start(), timeframe.length(), minutes.get(0).open(), high, low,
                minutes.get(minutes.size() - 1).close(), volume, vwap, null);
    }

    /** Bars are aligned to the clock's grid of their length (New York is a whole number of hours from UTC). */
    private Instant barStart(Instant minuteStart) {
        long length = timeframe.length().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(minuteStart.toEpochMilli(), length) * length);
    }
}
