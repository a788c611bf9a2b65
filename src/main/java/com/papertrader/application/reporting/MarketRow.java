package com.papertrader.application.reporting;

import com.papertrader.application.reporting.MarketQueries.StoredClose;
import com.papertrader.application.reporting.MarketQueries.TickerActivity;
import com.papertrader.domain.market.CorporateAction;
import com.papertrader.domain.market.CorporateActions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One followed ticker on the Market page.
 *
 * @param lastClose   the newest stored close; empty when nothing is stored
 * @param change      the newest close less the close before the session's open, both on today's share basis; empty
 *                    until the session has a bar
 * @param changeRatio that change over the earlier close (0.0125 for +1.25 %)
 * @param missing     bars of the session due by now and not stored
 * @param corporateAction the latest split or dividend in force for this ticker, described; empty when none is known
 */
public record MarketRow(String ticker, Optional<BigDecimal> lastClose, Optional<BigDecimal> change, Optional<BigDecimal> changeRatio,
                        Optional<Instant> lastBarStart, int missing, Optional<String> corporateAction) {

    private static final int RATIO_SCALE = 6;

    /**
     * The row from what is stored. Prices are put on the share basis of the splits live trading applied (as charts
     * show them), so a split between the two closes is not read as a crash.
     *
     * @param barsDue the session's bars due by now
     * @param applied the corporate actions live trading has applied (their splits set the share basis)
     * @param known   the ticker's actions in force, oldest effective date first
     */
    public static MarketRow of(String ticker, TickerActivity activity, int barsDue, CorporateActions applied, List<CorporateAction> known) {
        Optional<BigDecimal> last = activity.last().map(close -> adjusted(ticker, close, applied));
        Optional<BigDecimal> previous = activity.previous().map(close -> adjusted(ticker, close, applied));
        // Until the session's first bar is stored, the newest close is the earlier one itself: no change to show yet.
        Optional<BigDecimal> change = activity.barsSinceOpen() == 0 ? Optional.empty() : last.flatMap(l -> previous.map(l::subtract));
        Optional<BigDecimal> ratio = change.flatMap(c -> previous.filter(p -> p.signum() != 0)
                .map(p -> c.divide(p, RATIO_SCALE, RoundingMode.HALF_UP)));
        Optional<String> action = known.isEmpty() ? Optional.empty() : Optional.of(describe(known.get(known.size() - 1)));
        return new MarketRow(ticker, last, change, ratio, activity.last().map(StoredClose::barStart),
                Math.max(0, barsDue - activity.barsSinceOpen()), action);
    }

    private static BigDecimal adjusted(String ticker, StoredClose close, CorporateActions applied) {
        BigDecimal factor = applied.priceFactor(ticker, close.barStart(), LocalDate.MAX);
        return factor.compareTo(BigDecimal.ONE) == 0 ? close.close() : CorporateActions.scaledPrice(close.close(), factor);
    }

    private static String describe(CorporateAction action) {
        return action.describe() + " (" + action.effectiveDate() + ")";
    }
}
