package com.papertrader.application.reporting;

import java.util.function.Function;

/** Which page of a listing: {@code page} from 1, {@code size} rows per page. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    /** Far enough for any real listing; keeps OFFSET arithmetic in range. */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 1 || size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page must be at least 1 and size 1-" + MAX_SIZE + ": " + page + ", " + size);
        }
    }

    public static PageRequest first(int size) {
        return new PageRequest(1, size);
    }

    /** From the parameters {@code page} and {@code size}; absent ones default to the first page of 50. */
    public static PageRequest parse(Function<String, String> parameters) {
        QueryParameters query = new QueryParameters(parameters);
        return new PageRequest(query.integer("page", 1, 1, MAX_PAGE), query.integer("size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public int offset() {
        return (page - 1) * size;
    }
}
