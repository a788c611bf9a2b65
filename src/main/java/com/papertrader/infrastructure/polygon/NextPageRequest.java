package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Polygon's next_url taken apart, so the next page is requested from the configured host through
 * {@link PolygonClient#nextPage}: the Authorization header never goes to a host named by a response.
 * Form: {@code https://api.massive.com/v2/aggs/ticker/MSFT/range/5/minute/1772635800000/1772636699999?cursor=...}
 */
public record NextPageRequest(String ticker, int multiplier, String timespan, String from, String to, String cursor) {

    private static final String PREFIX = "/v2/aggs/ticker/";

    public static NextPageRequest parse(String ticker, String nextUrl) throws FeedException {
        try {
            URI uri = new URI(nextUrl);
            String path = uri.getPath();
            String[] parts = path == null || !path.startsWith(PREFIX) ? new String[0] : path.substring(PREFIX.length()).split("/");
            String cursor = queryParameter(uri.getRawQuery(), "cursor");
            if (parts.length != 6 || !parts[1].equals("range") || cursor == null) {
                throw unexpected(ticker, nextUrl, "not an aggregates page with a cursor");
            }
            if (!parts[0].equals(ticker)) {
                throw unexpected(ticker, nextUrl, "a page of " + parts[0]);
            }
            return new NextPageRequest(parts[0], Integer.parseInt(parts[2]), parts[3], parts[4], parts[5], cursor);
        } catch (URISyntaxException | NumberFormatException e) {
            throw unexpected(ticker, nextUrl, e.getMessage());
        }
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static FeedException unexpected(String ticker, String nextUrl, String problem) {
        return new FeedException(Kind.MALFORMED,
                "Polygon sent a next_url that cannot be followed (" + problem + ": " + nextUrl + ") while fetching " + ticker);
    }
}
