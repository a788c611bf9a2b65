package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FeedStats.CallOutcome;
import com.papertrader.domain.market.FetchedBars;
import com.papertrader.domain.market.MarketFeed;
import com.papertrader.domain.market.Timeframe;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ResponseProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Bars from Polygon: one aggregates call, then every next_url page to the end. Each page is a call against the
 * budget and is counted in the stats; a 429 pauses the budget for a minute. Failures come out as FeedException
 * with the ticker named and the key never shown. No retries here: the poller applies the RetryPolicy.
 */
public final class PolygonMarketFeed implements MarketFeed {

    /** The endpoint as the metrics name it. */
    private static final String ENDPOINT = "aggregates";

    /** Far above what a day of 5-minute bars needs at limit 50000; stops a server that pages in circles. */
    static final int MAX_PAGES = 20;
    static final int LIMIT = 50_000;

    private final PolygonClient client;
    private final String apiKey;
    private final Timeframe timeframe;
    private final CallBudget budget;
    private final FeedStats stats;
    private final PolygonAggregatesTranslator translator = new PolygonAggregatesTranslator();

    public PolygonMarketFeed(PolygonClient client, String apiKey, Timeframe timeframe, CallBudget budget, FeedStats stats) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("Polygon needs an API key (POLYGON_API_KEY); without one use the simulated market");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.apiKey = apiKey.strip();
        this.timeframe = Objects.requireNonNull(timeframe, "timeframe");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    @Override
    public String name() {
        return "polygon";
    }

    @Override
    public FetchedBars fetch(String ticker, Instant from, Instant to) throws FeedException {
        String bearer = "Bearer " + apiKey;
        // Polygon's "to" is inclusive and snaps to the end of its bar window: ask up to the last millisecond before "to".
        String fromMillis = String.valueOf(from.toEpochMilli());
        String toMillis = String.valueOf(to.toEpochMilli() - 1);
        try {
            AggregatesPage page = call(ticker, () -> client.aggregates(bearer, ticker, timeframe.minutes(), "minute",
                    fromMillis, toMillis, false, "asc", LIMIT));
            FetchedBars bars = page.bars();
            Set<String> followed = new HashSet<>();
            while (page.next().isPresent()) {
                String nextUrl = page.next().get();
                if (!followed.add(nextUrl)) {
                    throw new FeedException(Kind.MALFORMED, "Polygon sent the same next_url twice (" + nextUrl + ") while fetching " + ticker);
                }
                if (followed.size() >= MAX_PAGES) {
                    throw new FeedException(Kind.MALFORMED, "Polygon kept paging past " + MAX_PAGES + " pages while fetching " + ticker);
                }
                NextPageRequest next = NextPageRequest.parse(ticker, nextUrl);
                page = call(ticker, () -> client.nextPage(bearer, next.ticker(), next.multiplier(), next.timespan(),
                        next.from(), next.to(), next.cursor()));
                bars = bars.plus(page.bars());
            }
            // Polygon snaps the range outward to whole windows: keep exactly what was asked for.
            return bars.startingIn(from, to);
        } catch (FeedException e) {
            throw withoutKey(e);
        }
    }

    private AggregatesPage call(String ticker, PolygonCall call) throws FeedException {
        if (!PolygonPace.turn(budget, ticker)) {
            throw new FeedException(Kind.RATE_LIMITED, "Call budget of " + budget.callsPerMinute()
                    + " calls/min is used up; next call at " + budget.nextCallAt() + ", not fetching " + ticker);
        }
        stats.recordCall();
        long started = System.nanoTime();
        CallOutcome outcome = CallOutcome.UNREADABLE;
        try {
            AggregatesPage page = translator.page(ticker, timeframe, call.get());
            outcome = CallOutcome.ANSWERED;
            return page;
        } catch (PolygonHttpException e) {
            outcome = e.status() == 429 ? CallOutcome.RATE_LIMITED : CallOutcome.REFUSED;
            if (e.status() == 429) {
                budget.rateLimited();
            }
            throw translator.error(ticker, e.status(), e.body());
        } catch (JsonException e) {
            throw unreadable(ticker, e);
        } catch (ProcessingException e) {
            if (e instanceof ResponseProcessingException || e.getCause() instanceof JsonException) {
                throw unreadable(ticker, e);
            }
            outcome = CallOutcome.TIMED_OUT;
            throw new FeedException(Kind.TIMEOUT, "Polygon did not answer (" + e.getMessage() + ") while fetching " + ticker, e);
        } finally {
            stats.recordAnswer(ENDPOINT, Duration.ofNanos(System.nanoTime() - started), outcome);
        }
    }

    private static FeedException unreadable(String ticker, RuntimeException e) {
        return new FeedException(Kind.MALFORMED, "Polygon sent an answer that is not JSON (" + e.getMessage() + ") while fetching " + ticker, e);
    }

    /** The key only travels in a header, but messages quote server text and exception messages: make sure. */
    private FeedException withoutKey(FeedException e) {
        String message = e.getMessage();
        return message.contains(apiKey)
                ? new FeedException(e.kind(), message.replace(apiKey, "[API key]"))
                : e;
    }

    @FunctionalInterface
    private interface PolygonCall {
        JsonObject get() throws PolygonHttpException;
    }
}
