package com.papertrader.domain.market;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a feed returned for one request: the valid bars in time order and the rejected ones with their reason.
 * A second bar with the same ticker and start as an earlier one is rejected, so a fetch never holds two versions of a bar.
 */
public record FetchedBars(List<Bar> bars, List<RejectedBar> rejected) {

    public FetchedBars {
        List<Bar> ordered = new ArrayList<>(bars);
        ordered.sort(Comparator.comparing(Bar::start)); // stable: of two bars with one start, the first given stays first
        List<RejectedBar> allRejected = new ArrayList<>(rejected);
        Set<String> seen = new HashSet<>();
        ordered.removeIf(bar -> {
            boolean duplicate = !seen.add(bar.ticker() + "@" + bar.start());
            if (duplicate) {
                allRejected.add(RejectedBar.because(bar.ticker(), bar.start(), "duplicate of an earlier bar with the same start"));
            }
            return duplicate;
        });
        bars = List.copyOf(ordered);
        rejected = List.copyOf(allRejected);
    }

    public static FetchedBars empty() {
        return new FetchedBars(List.of(), List.of());
    }

    /** This answer followed by another one (the next page). */
    public FetchedBars plus(FetchedBars next) {
        List<Bar> allBars = new ArrayList<>(bars);
        allBars.addAll(next.bars);
        List<RejectedBar> allRejected = new ArrayList<>(rejected);
        allRejected.addAll(next.rejected);
        return new FetchedBars(allBars, allRejected);
    }

    /** Only the bars starting in [from, to); rejected bars are all kept so that they still get logged. */
    public FetchedBars startingIn(Instant from, Instant to) {
        return new FetchedBars(bars.stream()
                .filter(bar -> !bar.start().isBefore(from) && bar.start().isBefore(to))
                .toList(), rejected);
    }
}
