package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActionFeed;
import com.papertrader.domain.market.FeedException;
import com.papertrader.domain.market.FeedException.Kind;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FeedStats.CallOutcome;
import jakarta.json.JsonException;
import jakarta.ws.rs.ProcessingException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Splits and cash dividends from Polygon's reference endpoints ({@code /stocks/v1/splits}, {@code /stocks/v1/dividends}),
 * the tickers asked {@value #TICKERS_PER_CALL} at a time, every page followed by its cursor. Each page is a call against
 * the budget, counted in the stats; a 429 pauses the budget. Failures come out as FeedException, the key never shown.
 */
public final class PolygonCorporateActionFeed implements CorporateActionFeed {

    /** The endpoint as the metrics name it. */
    private static final String ENDPOINT = "corporate_actions";

    static final int TICKERS_PER_CALL = 100;
    static final int LIMIT = 5000;
    /** Far above what a year of splits or dividends of 100 tickers needs at limit 5000. */
    static final int MAX_PAGES = 20;

    private final PolygonClient client;
    private final String apiKey;
    private final CallBudget budget;
    private final FeedStats stats;
    private final PolygonAggregatesTranslator errors = new PolygonAggregatesTranslator();
    private final PolygonCorporateActionsTranslator translator = new PolygonCorporateActionsTranslator();

    public PolygonCorporateActionFeed(PolygonClient client, String apiKey, CallBudget budget, FeedStats stats) {
        this.client = Objects.requireNonNull(client, "client");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey").strip();
        this.budget = Objects.requireNonNull(budget, "budget");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    @Override
    public Fetched fetch(List<String> tickers, LocalDate from) throws FeedException {
        List<CorporateAction> actions = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        String bearer = "Bearer " + apiKey;
        for (int i = 0; i < tickers.size(); i += TICKERS_PER_CALL) {
            List<String> chunk = tickers.subList(i, Math.min(tickers.size(), i + TICKERS_PER_CALL));
            Set<String> asked = Set.copyOf(chunk);
            String anyOf = String.join(",", chunk);
            collect("splits", actions, rejected, cursor -> translator.splits(
                    client.splits(bearer, cursor == null ? anyOf : null, cursor == null ? from.toString() : null,
                            cursor == null ? LIMIT : null, cursor), asked));
            collect("dividends", actions, rejected, cursor -> translator.dividends(
                    client.dividends(bearer, cursor == null ? anyOf : null, cursor == null ? from.toString() : null,
                            cursor == null ? LIMIT : null, cursor), asked));
        }
        return new Fetched(actions, rejected);
    }

    private void collect(String what, List<CorporateAction> actions, List<String> rejected, PageCall call) throws FeedException {
        Set<String> cursors = new HashSet<>();
        Optional<String> cursor = Optional.empty();
        do {
            if (cursor.isPresent() && (!cursors.add(cursor.get()) || cursors.size() >= MAX_PAGES)) {
                throw new FeedException(Kind.MALFORMED, "Polygon kept paging (" + cursors.size() + " pages) while fetching " + what);
            }
            PolygonCorporateActionsTranslator.Page page = call(what, call, cursor.orElse(null));
            actions.addAll(page.actions());
            rejected.addAll(page.rejected());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
    }

    private PolygonCorporateActionsTranslator.Page call(String what, PageCall call, String cursor) throws FeedException {
        if (!PolygonPace.turn(budget, what)) {
            throw new FeedException(Kind.RATE_LIMITED, "Call budget of " + budget.callsPerMinute()
                    + " calls/min is used up; next call at " + budget.nextCallAt() + ", not fetching " + what);
        }
        stats.recordCall();
        long started = System.nanoTime();
        CallOutcome outcome = CallOutcome.UNREADABLE;
        try {
            PolygonCorporateActionsTranslator.Page page = call.page(cursor);
            outcome = CallOutcome.ANSWERED;
            return page;
        } catch (PolygonHttpException e) {
            outcome = e.status() == 429 ? CallOutcome.RATE_LIMITED : CallOutcome.REFUSED;
            if (e.status() == 429) {
                budget.rateLimited();
            }
            throw withoutKey(errors.error(what, e.status(), e.body()));
        } catch (JsonException | ProcessingException e) {
            outcome = CallOutcome.TIMED_OUT;
            throw withoutKey(new FeedException(Kind.TIMEOUT, "Polygon did not answer usably (" + e.getMessage() + ") while fetching " + what, e));
        } finally {
            stats.recordAnswer(ENDPOINT, Duration.ofNanos(System.nanoTime() - started), outcome);
        }
    }

    private FeedException withoutKey(FeedException e) {
        return e.getMessage().contains(apiKey) ? new FeedException(e.kind(), e.getMessage().replace(apiKey, "[API key]")) : e;
    }

    @FunctionalInterface
    private interface PageCall {
        PolygonCorporateActionsTranslator.Page page(String cursor) throws PolygonHttpException, FeedException;
    }
}
