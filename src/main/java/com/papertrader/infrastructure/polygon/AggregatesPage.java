package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.FetchedBars;
import java.util.Optional;

/**
 * One page of a Polygon aggregates answer, translated.
 *
 * @param nextUrl Polygon's next_url, or null on the last page
 */
public record AggregatesPage(FetchedBars bars, String nextUrl) {

    public Optional<String> next() {
        return Optional.ofNullable(nextUrl);
    }
}
