package com.papertrader.application.reporting;

import com.papertrader.application.backtest.Statistics;
import com.papertrader.application.backtest.Trades;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The statistics a backtest reports (return, CAGR, Sharpe, Sortino, drawdown, profit factor, exposure, ...), for a live
 * account since it opened or was last reset (from the first bar it was marked at): the same formulas
 * ({@link Statistics}) over its equity on the same one-point-per-bar basis ({@link LiveEquity}), and its round trips
 * from its fills.
 */
@ApplicationScoped
public class LiveStatistics {

    @Inject
    AccountQueries accounts;

    @Inject
    MarketCalendar calendar;

    @Inject
    MarketSettings market;

    /**
     * @param since   the account's start or last reset
     * @param through the end of the newest bar traded (the last point of the curve)
     */
    public record Report(Instant since, Instant through, Statistics statistics) {

        /** What the Sharpe and Sortino ratios are computed from. */
        public String returnsBasis() {
            return Statistics.RETURNS_BASIS;
        }
    }

    public Report of(Account account) {
        AccountId id = AccountId.of(account.id());
        Duration bar = market.timeframe().length();
        Instant start = accounts.lastReset(id).orElse(account.openedAt());
        List<EquitySnapshot> snapshots = accounts.equitySince(id, start);
        Instant until = accounts.newestBarTraded().map(newest -> newest.plus(bar)).filter(end -> end.isAfter(start)).orElse(start);
        // The curve starts with the first bar the account was marked at (its start, if later): an account opened before
        // any bar (when the server started) has no equity to speak of before it. Never marked: nothing to measure yet.
        Instant since = snapshots.isEmpty() ? until : latest(start, snapshots.get(0).takenAt().minus(bar));
        return new Report(since, until, Statistics.of(LiveEquity.points(since, account.startingCash(), snapshots, until, market.timeframe(),
                        LiveEquity.Sessions.of(calendar, market.extendedHours())),
                Trades.from(accounts.fillsSince(id, start), Map.of())));
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
