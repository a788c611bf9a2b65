package com.papertrader.application;

import java.time.Instant;
import java.util.List;

/** What GET /api/status reports and the Overview shows. lastPollAt and lastError are null until known. */
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
        String lastError) {
}
