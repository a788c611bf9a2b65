package com.papertrader.application.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.application.scanning.AgentScanner;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.AgentState;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.trading.execution.Broker;
import com.papertrader.domain.trading.execution.BrokerChanges;
import com.papertrader.domain.trading.execution.FeeModel;
import com.papertrader.domain.trading.execution.FillModel;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderStatus;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.infrastructure.scripting.RhinoAgentRuntime;
import com.papertrader.infrastructure.scripting.SandboxLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One engine pass per bar: scripts scanned by the real sandboxed runtime, orders through the real broker. */
class BarProcessorTest {

    private static final Clock CREATED = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String STEPPER = """
            function scan(bars, ctx) {
              if (!ctx.position && bars.length === 3) return { action: "buy", qty: 10, reason: "third bar" };
              if (ctx.position && bars.length === 6) return { action: "exit", reason: "sixth bar" };
            }
            """;
    private static final String BROKEN = "function scan(bars, ctx) { return undefinedVariable.price; }";

    private final List<ScanRecord> records = new ArrayList<>();
    private final List<Agent> agentsChanged = new ArrayList<>();
    private final AgentScanner scanner = new AgentScanner(new RhinoAgentRuntime(SandboxLimits.defaults(), MarketCalendar.nyse()), 50, 3);
    private final BarClock clock = new BarClock(Instant.EPOCH);
    private final Broker broker = new Broker(clock, FillModel.of(MarketCalendar.nyse()), FeeModel.free());
    private final BarProcessor processor = new BarProcessor(broker, clock, scanner);

    @Test
    void signalOnABarFillsAtTheNextOpenAndTheExitClosesThePosition() {
        install(agent("stepper", STEPPER));
        List<Bar> bars = bars(8);

        List<BrokerChanges> changes = new ArrayList<>();
        bars.forEach(bar -> changes.addAll(process(bar, true)));

        List<Fill> fills = changes.stream().flatMap(change -> change.fills().stream()).toList();
        assertEquals(2, fills.size());
        assertEquals(bars.get(3).start(), fills.get(0).filledAt(), "a fill at the open happens at the bar's start");
        assertEquals(0, bars.get(3).open().compareTo(fills.get(0).price()), "bought at the open of the bar after the signal");
        assertEquals(10, fills.get(0).quantity());
        assertEquals(0, bars.get(6).open().compareTo(fills.get(1).price()), "exited at the open of the bar after the exit signal");
        assertTrue(broker.position("stepper", "TEST").filter(Position::isOpen).isEmpty(), "flat after the exit");
        List<Order> orders = changes.stream().flatMap(change -> change.orders().stream())
                .filter(order -> order.status() == OrderStatus.FILLED).toList();
        assertTrue(orders.stream().anyMatch(order -> order.reason().equals("third bar")
                && order.id().equals("stepper|TEST|" + bars.get(2).start() + "|0")), "the entry carries its reason and bar");
        assertEquals(2, records.size(), "two scans produced signals, none failed");
        assertTrue(processor.brokerTime().compareTo(Duration.ZERO) > 0, "the broker's part of the bars is timed, for the metrics");
    }

    /**
     * A DAY order signaled at the next-to-last bar's close fills at the last bar's open, even when another ticker's last
     * bar of the same event is processed first: the session has not closed before the bar that can fill it.
     */
    @Test
    void aDaySignalAtTheNextToLastBarFillsOnTheLastBar() {
        String buyBeforeClose = """
                function scan(bars, ctx) {
                  if (ctx.ticker === "TEST" && !ctx.position && ctx.minutesToClose === 5) return { action: "buy", qty: 10, reason: "late" };
                }
                """;
        Agent agent = new Agent(AgentId.of("late"), "late", buyBeforeClose, WatchedTickers.of("OTHER", "TEST"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), CREATED);
        install(agent);
        Instant lastBars = LocalDateTime.parse("2026-03-04T15:40").atZone(MarketCalendar.NEW_YORK).toInstant();
        List<BrokerChanges> changes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Instant start = lastBars.plus(Duration.ofMinutes(5L * i));
            changes.addAll(process(bar("OTHER", start, BigDecimal.valueOf(50)), true));
            changes.addAll(process(bar("TEST", start, BigDecimal.valueOf(100 + i)), true));
        }

        List<Fill> fills = changes.stream().flatMap(change -> change.fills().stream()).toList();
        assertEquals(1, fills.size(), "the buy signaled at the 15:50 bar's close fills");
        assertEquals(lastBars.plus(Duration.ofMinutes(15)), fills.get(0).filledAt(), "at the 15:55 bar's open");
        assertEquals(0, new BigDecimal("103").compareTo(fills.get(0).price()));
    }

    /** The agent's end-of-day flatten (its file or the admin form) reaches the live broker: no position overnight. */
    @Test
    void anAgentsEndOfDayFlattenClosesItsPositionBeforeTheClose() {
        String buyLate = """
                function scan(bars, ctx) {
                  if (!ctx.position && ctx.minutesToClose === 35) return { action: "buy", qty: 10, reason: "late entry" };
                }
                """;
        install(new Agent(AgentId.of("day-trader"), "day-trader", buyLate, WatchedTickers.of("TEST"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false, null, 15, null, null), CREATED));
        Instant first = LocalDateTime.parse("2026-03-04T15:20").atZone(MarketCalendar.NEW_YORK).toInstant();
        List<BrokerChanges> changes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            changes.addAll(process(bar("TEST", first.plus(Duration.ofMinutes(5L * i)), BigDecimal.valueOf(100 + i)), true));
        }

        List<Fill> fills = changes.stream().flatMap(change -> change.fills().stream()).toList();
        assertEquals(2, fills.size(), fills.toString());
        assertEquals(first.plus(Duration.ofMinutes(5)), fills.get(0).filledAt(), "bought at the 15:25 bar's open");
        assertEquals(first.plus(Duration.ofMinutes(25)), fills.get(1).filledAt(),
                "flattened at the 15:45 bar's open: the first bar ending 15 minutes or less before the 16:00 close placed it");
        assertEquals(0, new BigDecimal("105").compareTo(fills.get(1).price()));
        assertTrue(broker.position("day-trader", "TEST").filter(Position::isOpen).isEmpty(), "flat at the close");
    }

    @Test
    void processingTheSameBarAgainPlacesNoSecondOrder() {
        install(agent("stepper", STEPPER));
        List<Bar> bars = bars(3);
        bars.forEach(bar -> process(bar, true));
        int live = broker.liveOrders().size();

        process(bars.get(2), true);

        assertEquals(1, live);
        assertEquals(live, broker.liveOrders().size(), "the client id of (agent, ticker, bar, signal) exists already");
    }

    @Test
    void aBrokenAgentIsStoppedAndTheOtherStillTrades() {
        install(agent("broken", BROKEN));
        install(agent("stepper", STEPPER));

        bars(4).forEach(bar -> process(bar, true));

        Agent broken = scanner.agents().stream().filter(agent -> agent.getId().value().equals("broken")).findFirst().orElseThrow();
        assertEquals(AgentState.ERRORED, broken.getState(), "stopped after three failed scans in a row");
        assertTrue(broken.getLastError().orElseThrow().contains("undefinedVariable"), broken.getLastError().orElseThrow());
        assertTrue(agentsChanged.contains(broken), "its scan health is handed on to be saved");
        assertTrue(broker.position("stepper", "TEST").filter(Position::isOpen).isPresent(), "the innocent agent traded");
        List<ScanRecord> failures = records.stream().filter(record -> record.error().isPresent()).toList();
        assertEquals(3, failures.size(), "each failed scan is kept for the agent's page, until it was stopped");
        assertTrue(failures.stream().allMatch(record -> record.agentId().equals("broken")
                && record.error().orElseThrow().contains("undefinedVariable") && record.signals().isEmpty()));
    }

    @Test
    void warmUpBarsScanButPlaceNoOrders() {
        install(agent("stepper", STEPPER));

        bars(5).forEach(bar -> process(bar, false));

        assertTrue(broker.liveOrders().isEmpty());
        assertTrue(broker.position("stepper", "TEST").isEmpty());
    }

    @Test
    void agentsSharingAnAccountTradeItsPositionsTogether() {
        Agent buyer = agent("buyer", STEPPER);
        Agent shorter = agent("shorter", """
                function scan(bars, ctx) {
                  if (bars.length === 5) return { action: "short", qty: 5, reason: ctx.position ? ctx.position.side : "flat" };
                }
                """);
        buyer.tradeIn("pool", CREATED);
        shorter.tradeIn("pool", CREATED);
        install(buyer);
        install(shorter);

        List<BrokerChanges> changes = new ArrayList<>();
        bars(6).forEach(bar -> changes.addAll(process(bar, true)));

        assertEquals(1, broker.accounts().size(), "one account for both agents");
        assertTrue(broker.position("pool", "TEST").filter(Position::isOpen).isPresent(), "the buyer's long is the pool's");
        Order shortOrder = changes.stream().flatMap(change -> change.orders().stream())
                .filter(order -> order.agentId().equals("shorter")).findFirst().orElseThrow();
        assertEquals("pool", shortOrder.accountId());
        assertEquals("long", shortOrder.reason(), "the shorter's script saw the shared long position");
        assertEquals(OrderStatus.REJECTED, shortOrder.status(), "no short against the account's own long");
    }

    @Test
    void aChangedScriptIsRecompiledAndAnUnchangedOneIsNot() {
        Agent agent = agent("stepper", STEPPER);
        install(agent);
        bars(2).forEach(bar -> process(bar, true));

        agent.replaceScript("function scan(bars, ctx) { if (bars.length === 3) return { action: \"short\", qty: 7 }; }", CREATED);
        scanner.install(agent);
        process(bars(3).get(2), true);

        assertEquals(1, broker.liveOrders().size());
        assertEquals(7, broker.liveOrders().get(0).quantity(), "the new script placed the order, not the old one");
    }

    /** One bar through the processor, keeping what its scans leave to save, as the trading desk would. */
    private List<BrokerChanges> process(Bar bar, boolean tradable) {
        BarChanges changes = processor.process(bar, tradable);
        records.addAll(changes.scans().records());
        agentsChanged.addAll(changes.scans().agentsChanged());
        return changes.broker();
    }

    private void install(Agent agent) {
        scanner.install(agent);
        if (broker.account(agent.getAccountId()).isEmpty()) {
            broker.openAccount(agent.getAccountId(), new BigDecimal("100000.00"), BigDecimal.ONE);
        }
        broker.setRiskLimits(agent.getId().value(), SignalOrders.limits(agent.getRisk()));
    }

    private static Agent agent(String id, String script) {
        return new Agent(AgentId.of(id), id, script, WatchedTickers.of("TEST"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), CREATED);
    }

    private static Bar bar(String ticker, Instant start, BigDecimal open) {
        return new Bar(ticker, start, Duration.ofMinutes(5), open, open.add(new BigDecimal("0.80")), open.subtract(new BigDecimal("0.20")),
                open.add(new BigDecimal("0.50")), BigDecimal.valueOf(10_000), null, null);
    }

    /** Five-minute bars of TEST from 09:30 New York on Wednesday 2026-03-04, rising a dollar a bar. */
    private static List<Bar> bars(int count) {
        Instant open = LocalDateTime.parse("2026-03-04T09:30").atZone(MarketCalendar.NEW_YORK).toInstant();
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BigDecimal o = BigDecimal.valueOf(100 + i);
            bars.add(new Bar("TEST", open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), o,
                    o.add(new BigDecimal("0.80")), o.subtract(new BigDecimal("0.20")), o.add(new BigDecimal("0.50")),
                    BigDecimal.valueOf(10_000), null, null));
        }
        return bars;
    }
}
