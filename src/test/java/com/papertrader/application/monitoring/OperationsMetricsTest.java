package com.papertrader.application.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FeedStats.CallOutcome;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.PollCycle;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import com.papertrader.it.Prometheus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The series an operator scrapes, as Prometheus reads them, from figures recorded as the parts of the server record them. */
class OperationsMetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-04T14:36:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final OperationsMetrics metrics = new OperationsMetrics(registry);

    @Test
    void theFeedsCallsCyclesAndBatchesAreCountedAndTimed() {
        FeedStats stats = new FeedStats(CLOCK, metrics);
        stats.recordAnswer("aggregates", Duration.ofMillis(120), CallOutcome.ANSWERED);
        stats.recordAnswer("aggregates", Duration.ofMillis(80), CallOutcome.ANSWERED);
        stats.recordAnswer("aggregates", Duration.ofMillis(30), CallOutcome.RATE_LIMITED);
        stats.recordAnswer("corporate_actions", Duration.ofSeconds(10), CallOutcome.TIMED_OUT);
        Instant barEnd = NOW.minusMillis(1_500);
        stats.recordBatchStored(barEnd.minusMillis(500));
        stats.recordBatchTraded(3_000, barEnd);
        stats.recordStreamStored(NOW.minusMillis(300));
        stats.recordStreamTraded(40, NOW.minusMillis(900));
        stats.recordRejected(2);
        stats.recordRejected(0);
        stats.recordCycle(new PollCycle(barEnd.minus(Duration.ofMinutes(5)), 3_000, 3_000, Duration.ofSeconds(34), Duration.ofMillis(700),
                Duration.ofMillis(1_300), Optional.of(Duration.ofSeconds(2)), Optional.of(Duration.ofSeconds(36)), Optional.of("AAPL"),
                Duration.ofMillis(120)));

        Map<String, Double> series = scrape();
        assertEquals(2, series.get("papertrader_feed_calls_seconds_count{endpoint=\"aggregates\",outcome=\"answered\"}"));
        assertEquals(0.2, series.get("papertrader_feed_calls_seconds_sum{endpoint=\"aggregates\",outcome=\"answered\"}"), 1e-9);
        assertEquals(1, series.get("papertrader_feed_calls_seconds_count{endpoint=\"aggregates\",outcome=\"rate_limited\"}"), "the 429");
        assertEquals(1, series.get("papertrader_feed_calls_seconds_count{endpoint=\"corporate_actions\",outcome=\"timed_out\"}"));
        assertEquals(1, series.get("papertrader_feed_calls_seconds_bucket{endpoint=\"aggregates\",outcome=\"answered\",le=\"0.1\"}"),
                "the 80 ms call; the 120 ms one is above 0.1 s");
        assertEquals(3_000, series.get("papertrader_bars_stored_total{path=\"rest\"}"));
        assertEquals(40, series.get("papertrader_bars_stored_total{path=\"stream\"}"));
        assertEquals(1.5, series.get("papertrader_bar_to_orders_seconds_sum{path=\"rest\"}"), 1e-9, "from the bar's end to now");
        assertEquals(0.9, series.get("papertrader_bar_to_orders_seconds_sum{path=\"stream\"}"), 1e-9);
        assertEquals(2.0, series.get("papertrader_bar_to_stored_seconds_sum{path=\"rest\"}"), 1e-9);
        assertEquals(0.3, series.get("papertrader_bar_to_stored_seconds_sum{path=\"stream\"}"), 1e-9);
        assertEquals(0, series.get("papertrader_bar_to_orders_seconds_bucket{path=\"rest\",le=\"1.0\"}"));
        assertEquals(1, series.get("papertrader_bar_to_orders_seconds_bucket{path=\"rest\",le=\"2.0\"}"));
        assertEquals(2, series.get("papertrader_bars_rejected_total"));
        assertEquals(34, series.get("papertrader_poll_cycle_seconds_sum{step=\"fetching\"}"), 1e-9);
        assertEquals(0.7, series.get("papertrader_poll_cycle_seconds_sum{step=\"storing\"}"), 1e-9);
        assertEquals(1.3, series.get("papertrader_poll_cycle_seconds_sum{step=\"trading\"}"), 1e-9);
    }

    @Test
    void barsFromAheadOfTheWallClockAreCountedButNotTimed() {
        FeedStats stats = new FeedStats(CLOCK, metrics);
        stats.recordBatchStored(NOW.plusSeconds(3_600)); // a simulated market an hour ahead
        stats.recordBatchTraded(8, NOW.plusSeconds(3_600));

        Map<String, Double> series = scrape();
        assertEquals(8, series.get("papertrader_bars_stored_total{path=\"rest\"}"));
        assertEquals(null, series.get("papertrader_bar_to_orders_seconds_count{path=\"rest\"}"), "no negative latency: " + series);
        assertEquals(null, series.get("papertrader_bar_to_stored_seconds_count{path=\"rest\"}"));
    }

    @Test
    void eachAgentsScansAndErrorsAreCountedByTheScannerAndARenameStartsNewSeries() {
        AgentScanner scanner = new AgentScanner(new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse()), 50, 10, metrics);
        Agent quiet = agent("quiet", "function scan(bars, ctx) { }");
        Agent broken = agent("broken", "function scan(bars, ctx) { return undefinedVariable.price; }");
        scanner.install(quiet);
        scanner.install(broken);
        for (int i = 0; i < 3; i++) {
            scanner.ordersFor(bar(i), true, (account, ticker) -> Optional.empty());
        }

        Map<String, Double> series = scrape();
        assertEquals(3, series.get("papertrader_scan_seconds_count{agent=\"quiet\"}"));
        assertEquals(3, series.get("papertrader_scan_seconds_count{agent=\"broken\"}"));
        assertEquals(0, series.get("papertrader_scan_errors_total{agent=\"quiet\"}"));
        assertEquals(3, series.get("papertrader_scan_errors_total{agent=\"broken\"}"));
        assertEquals(3, series.get("papertrader_scan_seconds_bucket{agent=\"quiet\",le=\"1.0\"}"), "a scan of nothing is far below a second");

        quiet.rename("calm", CLOCK);
        scanner.ordersFor(bar(3), true, (account, ticker) -> Optional.empty());
        series = scrape();
        assertEquals(1, series.get("papertrader_scan_seconds_count{agent=\"calm\"}"));
        assertFalse(series.containsKey("papertrader_scan_seconds_count{agent=\"quiet\"}"), "the old name's series end");
    }

    @Test
    void whatTheDatabaseHoldsIsReportedAsReadAndADatabaseThatDoesNotAnswerShows() {
        AtomicInteger pages = new AtomicInteger(3);
        metrics.watchLiveClients(pages::get);
        metrics.watchDesk(() -> true);
        metrics.watchDatabasePool(16, () -> 4);
        metrics.barEventTraded(Duration.ofMillis(42));
        metrics.databaseRead(Map.of(OrderStatus.FILLED, 120L, OrderStatus.REJECTED, 7L), 130,
                Map.of("momentum", new BigDecimal("100250.50"), "breakout", new BigDecimal("99800.00")));

        Map<String, Double> series = scrape();
        assertEquals(120, series.get("papertrader_orders{status=\"filled\"}"));
        assertEquals(7, series.get("papertrader_orders{status=\"rejected\"}"));
        assertEquals(0, series.get("papertrader_orders{status=\"new\"}"), "every status has a series, none missing at zero");
        assertEquals(130, series.get("papertrader_fills_total"));
        assertEquals(100250.5, series.get("papertrader_account_equity{account=\"momentum\"}"));
        assertEquals(99800, series.get("papertrader_account_equity{account=\"breakout\"}"));
        assertEquals(3, series.get("papertrader_live_clients"));
        assertEquals(1, series.get("papertrader_desk_active"));
        assertEquals(16, series.get("papertrader_database_pool_max"));
        assertEquals(4, series.get("papertrader_database_connections_opened_total"));
        assertEquals(1, series.get("papertrader_database_up"));
        assertEquals(1, series.get("papertrader_broker_seconds_count"));
        assertEquals(0.042, series.get("papertrader_broker_seconds_sum"), 1e-9);

        pages.set(1);
        metrics.databaseRead(Map.of(OrderStatus.FILLED, 121L), 131, Map.of("momentum", new BigDecimal("100300.00")));
        metrics.databaseDown();
        series = scrape();
        assertEquals(1, series.get("papertrader_live_clients"));
        assertEquals(121, series.get("papertrader_orders{status=\"filled\"}"));
        assertEquals(0, series.get("papertrader_orders{status=\"rejected\"}"));
        assertFalse(series.containsKey("papertrader_account_equity{account=\"breakout\"}"), "an account deleted since is gone");
        assertEquals(0, series.get("papertrader_database_up"));
    }

    @Test
    void theSeriesCarryTheirHelpAndType() {
        metrics.barEventTraded(Duration.ofMillis(1));
        metrics.databaseRead(Map.of(), 0, Map.of());
        String text = registry.scrape();
        assertTrue(text.contains("# TYPE papertrader_broker_seconds histogram"), text);
        assertTrue(text.contains("# HELP papertrader_orders Orders in the database by status"), text);
        assertTrue(text.contains("# TYPE papertrader_fills_total counter"), text);
    }

    private Map<String, Double> scrape() {
        return Prometheus.samples(registry.scrape());
    }

    private static Agent agent(String id, String script) {
        return new Agent(AgentId.of(id), id, script, WatchedTickers.of("TEST"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), CLOCK);
    }

    private static Bar bar(int index) {
        BigDecimal open = BigDecimal.valueOf(100 + index);
        return new Bar("TEST", Instant.parse("2026-03-04T14:30:00Z").plus(Duration.ofMinutes(5L * index)), Duration.ofMinutes(5), open,
                open.add(BigDecimal.ONE), open.subtract(BigDecimal.ONE), open, BigDecimal.valueOf(10_000), null, null);
    }
}
