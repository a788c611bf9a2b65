package com.papertrader.domain.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Small valid bars for tests. */
public final class Bars {

    private Bars() {
    }

    /** A 5-minute bar with o=l=c=h=price, volume 100. */
    public static Bar flat(String ticker, String start, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Bar(ticker, Instant.parse(start), Duration.ofMinutes(5), p, p, p, p, BigDecimal.valueOf(100), null, null);
    }
}
