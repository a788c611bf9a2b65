package com.papertrader.infrastructure.polygon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextPageRequestTest {

    @Test
    void takesNextUrlApart() throws FeedException {
        NextPageRequest next = NextPageRequest.parse("AAPL",
                "https://api.massive.com/v2/aggs/ticker/AAPL/range/1/day/1578114000000/2020-01-10?cursor=bGltaXQ9MiZzb3J0PWFzYw");
        assertEquals(new NextPageRequest("AAPL", 1, "day", "1578114000000", "2020-01-10", "bGltaXQ9MiZzb3J0PWFzYw"), next);
    }

    @Test
    void decodesAPercentEncodedCursor() throws FeedException {
        NextPageRequest next = NextPageRequest.parse("AAPL",
                "https://api.polygon.io/v2/aggs/ticker/AAPL/range/5/minute/1/2?limit=20&cursor=YWJj%3D%3D");
        assertEquals("YWJj==", next.cursor());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://api.massive.com/v2/aggs/ticker/AAPL/range/5/minute/1772635800000/1772636699999",
            "https://api.massive.com/v3/trades/AAPL?cursor=abc",
            "https://api.massive.com/v2/aggs/ticker/AAPL/range/five/minute/1/2?cursor=abc",
            "not a url at all ^",
            "https://api.massive.com/v2/aggs/ticker/MSFT/range/5/minute/1/2?cursor=abc",
    })
    void refusesWhatCannotBeFollowed(String nextUrl) {
        FeedException e = assertThrows(FeedException.class, () -> NextPageRequest.parse("AAPL", nextUrl));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Polygon sent a next_url that cannot be followed ("), e.getMessage());
        assertTrue(e.getMessage().endsWith(") while fetching AAPL"), e.getMessage());
    }
}
