package com.papertrader.application.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.papertrader.application.backtest.BacktestFixtures;
import com.papertrader.application.backtest.BacktestResult;
import com.papertrader.application.backtest.Backtester;
import com.papertrader.application.backtest.ParityReport;
import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.application.settings.Settings;
import com.papertrader.application.settings.TradingSettings;
import com.papertrader.application.trading.BarClock;
import com.papertrader.application.trading.BarProcessor;
import com.papertrader.application.trading.BarTrading;
import com.papertrader.application.trading.InMemoryTradingStore;
import com.papertrader.application.trading.PaperBrokers;
import com.papertrader.application.trading.SignalOrders;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarSchedule;
import com.papertrader.domain.market.CallBudget;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.MutableClock;
import com.papertrader.domain.market.RetryPolicy;
import com.papertrader.domain.market.Timeframe;
import com.papertrader.domain.market.TradingSession;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import com.papertrader.infrastructure.simulated.SimulatedMarket;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Live and backtest are one engine: a trading day of the simulated market polled bar by bar through the real
 * {@link BarPoller} (stub feed, in-memory store) and traded by the live loop, {@link BarTrading} (each new bar through
 * a {@link BarProcessor}, backfilled bars only scanned; an in-memory trading store), against a backtest of the same stored bars with the bars
 * before the day as warm-up. Every order (final state) and every fill must be the same.
 */
class BacktestParityTest {

    private static final MarketCalendar CALENDAR = MarketCalendar.nyse();
    private static final Timeframe FIVE_MINUTES = Timeframe.minutes(5);
    private static final List<String> TICKERS = List.of("AAPL", "NVDA", "TSLA");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);
    private static final BigDecimal CASH = new BigDecimal("100000.00");

    private final Settings settings = BacktestFixtures.settings(Map.of(TradingSettings.SLIPPAGE_BPS, "2",
            TradingSettings.COMMISSION_PER_SHARE, "0.005", TradingSettings.COMMISSION_MINIMUM, "1.00"));
    private final RhinoAgentRuntime runtime = new RhinoAgentRuntime(SandboxLimits.defaults(), CALENDAR);
    private final InMemoryBarStore store = new InMemoryBarStore();

    @ParameterizedTest
    @MethodSource("com.papertrader.application.backtest.BacktestFixtures#sampleAgentIds")
    void aLiveDayAndItsBacktestPlaceTheSameOrdersAndFills(String agentId) {
        Agent agent = BacktestFixtures.sampleAgent(agentId);
        agent.watch(WatchedTickers.of(TICKERS), BacktestFixtures.CREATED);
        InMemoryTradingStore live = tradeLive(agent);

        TradingSession session = CALENDAR.session(DAY).orElseThrow();
        List<List<Bar>> before = new ArrayList<>();
        List<List<Bar>> during = new ArrayList<>();
        for (String ticker : TICKERS) {
            before.add(store.range(ticker, Instant.EPOCH, session.open()));
            during.add(store.range(ticker, session.open(), session.close()));
        }
        List<Bar> warmup = new ArrayList<>();
        Backtester.inTimeOrder(before).forEachRemaining(warmup::add);
        BacktestResult backtest = new Backtester(runtime, settings.scanner(), settings.trading(), CALENDAR).run(agent, TICKERS, CASH, warmup,
                Backtester.inTimeOrder(during), Backtester.Progress.NONE, () -> false);

        assertEquals(TICKERS.size() * 78, backtest.barsProcessed(), "the whole day was stored by the poller");
        assertFalse(live.orders.isEmpty(), "the day gives the agent something to do");
        assertFalse(live.fills.isEmpty(), "and some of its orders fill");
        ParityReport parity = ParityReport.compare(List.copyOf(live.orders.values()), List.copyOf(live.fills.values()),
                backtest.orders(), backtest.fills());
        assertEquals(List.of(), parity.differences());
        assertEquals(live.orders.size(), parity.replayedOrders());
        assertEquals(live.fills.size(), parity.replayedFills());
    }

    /** Polls every bar of the day as it closes and trades each event through the live loop, {@link BarTrading}. */
    private InMemoryTradingStore tradeLive(Agent agent) {
        MutableClock wall = new MutableClock(ny("09:35:10"));
        BarSchedule schedule = new BarSchedule(CALENDAR, FIVE_MINUTES, Duration.ZERO, Duration.ofSeconds(10), false);
        List<BarsIngested> events = new ArrayList<>();
        BarPoller poller = new BarPoller(new SimulatedMarket(42, FIVE_MINUTES, CALENDAR, wall),
                store, schedule, CallBudget.unlimited(wall), RetryPolicy.standard(), new FeedStats(wall), wall, TICKERS, 2, events::add,
                BarPoller.Calls.oneByOne(wall));

        AgentScanner scanner = new AgentScanner(runtime, settings.scanner().windowSize(), settings.scanner().maxConsecutiveErrors());
        scanner.install(agent);
        BarClock clock = new BarClock(Instant.EPOCH);
        Broker broker = PaperBrokers.create(clock, CALENDAR, settings.trading());
        broker.openAccount(agent.getAccountId(), CASH, BigDecimal.ONE);
        broker.setRiskLimits(agent.getId().value(), SignalOrders.limits(agent.getRisk()));
        InMemoryTradingStore saved = new InMemoryTradingStore();
        BarTrading trading = new BarTrading(new BarProcessor(broker, clock, scanner), Map.of(), saved, store, scanner,
                settings.scanner(), CALENDAR, settings.trading().refusedOrdersKept());

        for (; !wall.instant().isAfter(ny("16:00:10")); wall.advance(Duration.ofMinutes(5))) {
            poller.tick();
            events.forEach(trading::onBars);
            events.clear();
        }
        return saved;
    }

    private static Instant ny(String time) {
        return LocalDateTime.of(DAY, LocalTime.parse(time)).atZone(MarketCalendar.NEW_YORK).toInstant();
    }
}
