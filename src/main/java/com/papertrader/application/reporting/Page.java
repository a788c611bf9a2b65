package com.papertrader.application.reporting;

import java.util.List;
import java.util.function.Function;

/** One page of a listing. {@code hasNext} comes from reading one row more than asked, so no count(*) is needed. */
public record Page<T>(List<T> items, PageRequest request, boolean hasNext) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page from up to {@code size + 1} rows read at the request's offset. */
    public static <T> Page<T> of(List<T> rowsPlusOne, PageRequest request) {
        boolean more = rowsPlusOne.size() > request.size();
        return new Page<>(more ? rowsPlusOne.subList(0, request.size()) : rowsPlusOne, request, more);
    }

    /** The same page with each item turned into something else (a row to show, say). */
    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), request, hasNext);
    }

    public boolean hasPrevious() {
        return request.page() > 1;
    }
}
