package com.papertrader.application;

import com.papertrader.application.ingest.MarketDataService;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.application.settings.FeedSettings;
import com.papertrader.application.settings.MarketSettings;
import com.papertrader.application.trading.DeskLease;
import com.papertrader.application.trading.TradingSummary;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.trading.risk.KillSwitch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Assembles the system status from the settings, the bar pipeline, the scanner's agents and the trading desk's
 * summary, which the desk publishes after each change (so a status never waits for a bar event to finish).
 */
@ApplicationScoped
public class StatusService {

    @Inject
    FeedSettings feed;

    @Inject
    MarketSettings market;

    @Inject
    MarketDataService marketData;

    @Inject
    ScannerBean scanner;

    @Inject
    DeskLease lease;

    /** The trading desk's latest summary; none until the desk has started. */
    private volatile TradingSummary trading = TradingSummary.NOTHING_YET;

    void tradingChanged(@Observes TradingSummary summary) {
        trading = summary;
    }

    /** On a standby, the active desk's summary: what its broker holds, not what this server last read. */
    void tradingChangedElsewhere(@Observes OtherServers.LiveEventElsewhere elsewhere) {
        if (elsewhere.event().equals(TradingSummary.EVENT) && lease.heldSince().isEmpty()) {
            trading = TradingSummary.fromEvent(elsewhere.data());
        }
    }

    public SystemStatus current() {
        FeedStats.Snapshot stats = marketData.stats();
        boolean connected = stats.lastPollAt().isPresent()
                && stats.lastErrorAt().map(error -> stats.lastPollAt().get().isAfter(error)).orElse(true);
        List<Agent> enabled = scanner.agents().stream().filter(Agent::isEnabled).toList();
        List<String> watched = market.symbols().stream()
                .filter(ticker -> enabled.stream().anyMatch(agent -> agent.scans(ticker)))
                .toList();
        TradingSummary trading = this.trading;
        MarketDataService.CallPlan calls = marketData.callPlan();
        return new SystemStatus(
                feed.pollerEnabled(),
                marketData.feedName(),
                connected,
                market.symbols(),
                enabled.size(),
                watched,
                trading.workingOrders(),
                trading.accounts(),
                stats.lastPollAt().orElse(null),
                marketData.nextBarDueAt(),
                stats.callsToday(),
                calls.expectedCallsToday(),
                calls.callsPerMinute(),
                trading.totalEquity(),
                trading.dayPnl(),
                stats.lastError().orElse(null),
                trading.killSwitch().map(KillSwitch::engagedBy).orElse(null),
                trading.killSwitch().map(KillSwitch::engagedAt).orElse(null),
                trading.killSwitch().map(KillSwitch::flattened).orElse(false),
                lease.heldSince().isPresent() ? "active" : "standby",
                lease.heldSince().orElse(null),
                lease.node(),
                stats.lastCycle().orElse(null),
                stats.stream().orElse(null));
    }
}
