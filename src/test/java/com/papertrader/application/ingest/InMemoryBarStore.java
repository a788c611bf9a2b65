package com.papertrader.application.ingest;

import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.StoredBars;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The BarStore contract in memory, for unit tests of code that stores bars (JpaBarStore is tested in BarStoreIT). */
public class InMemoryBarStore implements BarStore {

    private final TreeMap<String, Bar> rows = new TreeMap<>();
    int upserts;

    private static String key(String ticker, Instant start) {
        return ticker + "@" + String.format("%020d", start.toEpochMilli());
    }

    @Override
    public StoredBars upsert(List<Bar> bars) {
        upserts++;
        List<Bar> inserted = new ArrayList<>();
        List<Bar> revised = new ArrayList<>();
        for (Bar bar : bars) {
            Bar before = rows.put(key(bar.ticker(), bar.start()), bar);
            if (before == null) {
                inserted.add(bar);
            } else if (!before.sameValuesAs(bar)) {
                revised.add(bar);
            }
        }
        return new StoredBars(inserted, revised);
    }

    @Override
    public List<Bar> latest(String ticker, int count) {
        List<Bar> all = range(ticker, Instant.EPOCH, Instant.MAX);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    @Override
    public List<Bar> latestUpTo(String ticker, Instant through, int count) {
        List<Bar> upTo = range(ticker, Instant.EPOCH, through.plusMillis(1));
        return upTo.subList(Math.max(0, upTo.size() - count), upTo.size());
    }

    @Override
    public List<Bar> after(String ticker, Instant start) {
        return range(ticker, start.plusMillis(1), Instant.MAX);
    }

    @Override
    public List<Bar> range(String ticker, Instant from, Instant to) {
        return rows.values().stream()
                .filter(bar -> bar.ticker().equals(ticker) && !bar.start().isBefore(from) && bar.start().isBefore(to))
                .sorted(Comparator.comparing(Bar::start))
                .toList();
    }

    @Override
    public Optional<Instant> lastBarStart(String ticker) {
        List<Bar> latest = latest(ticker, 1);
        return latest.isEmpty() ? Optional.empty() : Optional.of(latest.get(0).start());
    }

    @Override
    public long count() {
        return rows.size();
    }
}
