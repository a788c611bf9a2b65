package com.papertrader.application;

import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.PollCycle;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What GET /api/status reports and the Overview shows. lastPollAt and lastError are null until known;
 * callsPerMinuteLimit is null when the feed is not metered (the simulated market).
 *
 * @param nextBarDueAt       when the next bar closes and is due from the feed (by the feed's clock)
 * @param expectedCallsToday the feed calls today's schedule needs for the subscribed tickers
 * @param killSwitchEngagedBy who engaged the kill switch, or null while it is released (then killSwitchEngagedAt is null
 *                           and killSwitchFlattened false)
 * @param role               "active" on the server that polls and trades, "standby" on one that serves pages only
 *                           (several servers on one PostgreSQL database; with SQLite always active)
 * @param activeSince        since when this server runs the desk; null on a standby
 * @param node               this server's name (host/process)
 * @param lastCycle          how the last finished poll cycle went; null until one finished (or on a standby)
 * @param stream             the minute stream's state and counts; null when none is configured (or on a standby)
 */
public record SystemStatus(
        boolean isRunning,
        String feed,
        boolean feedConnected,
        List<String> subscribedTickers,
        long activeAgents,
        List<String> watchedTickers,
        long pendingOrders,
        long activeAccounts,
        Instant lastPollAt,
        Instant nextBarDueAt,
        int callsToday,
        int expectedCallsToday,
        Integer callsPerMinuteLimit,
        BigDecimal totalEquity,
        BigDecimal dayPnl,
        String lastError,
        String killSwitchEngagedBy,
        Instant killSwitchEngagedAt,
        boolean killSwitchFlattened,
        String role,
        Instant activeSince,
        String node,
        PollCycle lastCycle,
        FeedStats.Stream stream) {
}
