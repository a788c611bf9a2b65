package com.papertrader.domain.market;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The outcome of one upsert: bars that were new and bars whose stored values were revised. */
public record StoredBars(List<Bar> inserted, List<Bar> revised) {

    public StoredBars {
        inserted = List.copyOf(inserted);
        revised = List.copyOf(revised);
    }

    /** New and revised bars together, in bar time order (ticker breaks ties), as downstream must see them. */
    public List<Bar> changed() {
        return Stream.concat(inserted.stream(), revised.stream())
                .sorted(Comparator.comparing(Bar::start).thenComparing(Bar::ticker))
                .toList();
    }

    public boolean isEmpty() {
        return inserted.isEmpty() && revised.isEmpty();
    }
}
