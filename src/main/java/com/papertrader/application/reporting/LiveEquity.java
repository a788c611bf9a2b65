package com.papertrader.application.reporting;

import com.papertrader.application.backtest.EquityPoint;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A live account's equity as a backtest's curve, so its statistics mean the same: the starting cash at the account's
 * start (or its last reset), then one point at the end of every bar of every session up to the newest bar traded,
 * each the equity of the account's newest snapshot by then. The broker snapshots an account only at the bars that
 * change or mark it, so a flat stretch carries its equity forward, as a backtest's curve has it at every bar.
 */
public final class LiveEquity {

    private LiveEquity() {
    }

    /**
     * @param since     the account's start or last reset; its equity then was the starting cash
     * @param snapshots the account's snapshots from {@code since} on, oldest first
     * @param until     the end of the newest bar traded (on the market's clock: a simulated market runs ahead of the wall)
     * @param sessions  which sessions the bars are in (regular, or extended hours)
     */
    public static List<EquityPoint> points(Instant since, BigDecimal startingCash, List<EquitySnapshot> snapshots, Instant until,
                                           Timeframe timeframe, Sessions sessions) {
        List<EquityPoint> points = new ArrayList<>();
        points.add(new EquityPoint(since, startingCash, false));
        BigDecimal equity = startingCash;
        boolean exposed = false;
        int next = 0;
        LocalDate last = until.atZone(MarketCalendar.NEW_YORK).toLocalDate();
        for (LocalDate day = since.atZone(MarketCalendar.NEW_YORK).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<TradingSession> session = sessions.on(day);
            if (session.isEmpty()) {
                continue;
            }
            for (Instant start : timeframe.barStarts(session.get())) {
                Instant end = start.plus(timeframe.length());
                if (!end.isAfter(since) || end.isAfter(until)) {
                    continue;
                }
                for (; next < snapshots.size() && !snapshots.get(next).takenAt().isAfter(end); next++) {
                    equity = snapshots.get(next).equity();
                    exposed = snapshots.get(next).marketValue().signum() != 0;
                }
                points.add(new EquityPoint(end, equity, exposed));
            }
        }
        return points;
    }

    /** The trading session of a day, if it has one. */
    @FunctionalInterface
    public interface Sessions {

        Optional<TradingSession> on(LocalDate day);

        /** The regular sessions, or the extended-hours ones when the market trades them. */
        static Sessions of(MarketCalendar calendar, boolean extendedHours) {
            return extendedHours ? calendar::extendedSession : calendar::session;
        }
    }
}
