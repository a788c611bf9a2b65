package com.papertrader.application.reporting;

import java.util.List;

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

    public boolean hasPrevious() {
        return request.page() > 1;
    }
}
