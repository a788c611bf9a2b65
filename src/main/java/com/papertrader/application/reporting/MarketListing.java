package com.papertrader.application.reporting;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.ingest.CorporateActionStore.KnownAction;
import com.papertrader.application.ingest.MarketDataService;
import com.papertrader.application.reporting.MarketQueries.TickerActivity;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.domain.market.BarSchedule.SessionSoFar;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Market page: the followed tickers (thousands on a paid plan), searched and paged in memory, and for the tickers of
 * one page what their stored bars say (a few indexed reads for the whole page).
 */
@ApplicationScoped
public class MarketListing {

    /** What a ticker search may hold: part of a symbol. */
    private static final Pattern SEARCH = Pattern.compile("[A-Z0-9.\\-]{1,10}");

    @Inject
    MarketSettings market;

    @Inject
    MarketDataService marketData;

    @Inject
    MarketQueries queries;

    @Inject
    CorporateActionStore corporateActions;

    /**
     * @param followed the number of tickers followed
     * @param search   the search as understood (upper case), empty for none
     * @param session  the session the "missing" counts are about
     */
    public record MarketPage(int followed, String search, SessionSoFar session, Page<MarketRow> rows) {
    }

    /**
     * The page of followed tickers whose symbol contains {@code search} (any case; blank for all), in the configured order.
     *
     * @throws InvalidQueryException for a search that no symbol could contain
     */
    public MarketPage page(String search, PageRequest request) {
        String wanted = search == null ? "" : search.strip().toUpperCase(Locale.ROOT);
        if (!wanted.isEmpty() && !SEARCH.matcher(wanted).matches()) {
            throw new InvalidQueryException("search '" + search.strip() + "' must be part of a ticker symbol: letters, digits, '.' or '-', "
                    + "at most 10");
        }
        List<String> followed = market.symbols();
        Page<String> tickers = Page.of(followed.stream().filter(ticker -> ticker.contains(wanted))
                .skip(request.offset()).limit(request.size() + 1L).toList(), request);
        List<String> shown = tickers.items();
        SessionSoFar session = marketData.sessionSoFar();
        Map<String, TickerActivity> activity = queries.activity(shown, session.open());
        List<KnownAction> known = corporateActions.all().stream().filter(action -> shown.contains(action.action().ticker())).toList();
        CorporateActions applied = CorporateActions.of(known.stream().filter(KnownAction::isApplied).map(KnownAction::action).toList());
        Map<String, List<CorporateAction>> inForce = known.stream().filter(KnownAction::isInForce).map(KnownAction::action)
                .collect(Collectors.groupingBy(CorporateAction::ticker));
        Page<MarketRow> rows = tickers.map(ticker -> MarketRow.of(ticker, activity.getOrDefault(ticker, TickerActivity.NONE),
                session.barsDue(), applied, inForce.getOrDefault(ticker, List.of())));
        return new MarketPage(followed.size(), wanted, session, rows);
    }
}
