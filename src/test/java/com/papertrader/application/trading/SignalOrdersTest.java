package com.papertrader.application.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.Signal;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.trading.TradingFixtures;
import com.papertrader.domain.trading.order.OrderRequest;
import com.papertrader.domain.trading.order.OrderSide;
import com.papertrader.domain.trading.order.OrderType;
import com.papertrader.domain.trading.order.TimeInForce;
import com.papertrader.domain.trading.order.Trail;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.risk.RiskLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalOrdersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T15:00:00Z"), ZoneOffset.UTC);
    private static final Instant BAR_START = Instant.parse("2026-03-04T14:55:00Z");
    private final Agent agent = new Agent(AgentId.of("trend"), "Trend", "function scan(b, c) {}", WatchedTickers.of("AAPL"),
            AgentParameters.none(), new AgentRiskSettings(new BigDecimal("5000"), 4, new BigDecimal("2"), new BigDecimal("5"), true), CLOCK);
    private final Bar bar = new Bar("AAPL", BAR_START, Duration.ofMinutes(5), new BigDecimal("100.00"),
            new BigDecimal("101.00"), new BigDecimal("99.50"), new BigDecimal("100.40"), new BigDecimal("5000"), null, null);

    @Test
    void entryWithoutASizeTakesTheAgentsPositionNotional() {
        OrderRequest request = request(Map.of("action", "buy", "reason", "breakout"), Optional.empty()).orElseThrow();

        assertEquals(OrderSide.BUY, request.side());
        assertEquals(new BigDecimal("5000.00"), request.notional());
        assertNull(request.quantity());
        assertEquals(OrderType.MARKET, request.type());
        assertEquals(TimeInForce.DAY, request.timeInForce());
        assertEquals(0, new BigDecimal("100.40").compareTo(request.referencePrice()), "priced from the signal bar's close");
        assertEquals("breakout", request.reason());
        assertEquals(agent.getScriptHash(), request.scriptHash());
        assertEquals("trend|AAPL|" + BAR_START + "|2", request.orderId().value());
    }

    @Test
    void limitOrderWithBracketAndGtcKeepsEveryField() {
        OrderRequest request = request(Map.of("action", "short", "qty", 30, "orderType", "limit", "limitPrice", 101.5,
                "stopLoss", 104, "takeProfit", 95, "timeInForce", "gtc"), Optional.empty()).orElseThrow();

        assertEquals(OrderSide.SELL_SHORT, request.side());
        assertEquals(30L, request.quantity());
        assertEquals(OrderType.LIMIT, request.type());
        assertEquals(0, new BigDecimal("101.5").compareTo(request.limitPrice()));
        assertEquals(0, new BigDecimal("104").compareTo(request.stopLoss()));
        assertEquals(0, new BigDecimal("95").compareTo(request.takeProfit()));
        assertEquals(TimeInForce.GTC, request.timeInForce());
    }

    @Test
    void exitClosesWhatIsHeldOnTheRightSide() {
        Position longPosition = Position.open(TradingFixtures.fill("trend", "AAPL", OrderSide.BUY, 25, "98.00", "0", BAR_START));

        OrderRequest exit = request(Map.of("action", "exit"), Optional.of(longPosition)).orElseThrow();

        assertEquals(OrderSide.SELL, exit.side());
        assertEquals(25L, exit.quantity());
    }

    @Test
    void exitWhenFlatPlacesNothing() {
        assertTrue(request(Map.of("action", "exit"), Optional.empty()).isEmpty());
    }

    @Test
    void aTrailingStopOfTheSignalReachesTheRequest() {
        assertEquals(Trail.percent(new BigDecimal("4.5")),
                request(Map.of("action", "buy", "trailStopPercent", 4.5), Optional.empty()).orElseThrow().trailingStop());
        assertEquals(Trail.amount(new BigDecimal("1.25")),
                request(Map.of("action", "short", "trailStopAmount", 1.25), Optional.empty()).orElseThrow().trailingStop());
        assertNull(request(Map.of("action", "buy"), Optional.empty()).orElseThrow().trailingStop());
    }

    @Test
    void fractionalSharesAreRoundedDownToWholeShares() {
        assertEquals(12L, request(Map.of("action", "buy", "qty", 12.7), Optional.empty()).orElseThrow().quantity());
    }

    @Test
    void agentSettingsBecomeBrokerLimitsOverTheEngineDefaults() {
        RiskLimits limits = SignalOrders.limits(agent.getRisk());

        assertEquals(4, limits.maxOpenPositions());
        assertTrue(limits.pyramiding());
        assertEquals(0, new BigDecimal("2").compareTo(limits.stopLossPercent()));
        assertEquals(0, new BigDecimal("5").compareTo(limits.takeProfitPercent()));
        assertEquals(0, RiskLimits.DEFAULTS.maxDailyLoss().compareTo(limits.maxDailyLoss()), "the default daily loss limit");
        assertNull(limits.flattenMinutesBeforeClose(), "held overnight by default");
    }

    @Test
    void theAgentsDailyLossLimitEndOfDayFlattenCoolDownAndDrawdownLockReachTheBroker() {
        RiskLimits limits = SignalOrders.limits(new AgentRiskSettings(new BigDecimal("5000"), 3, null, null, false,
                new BigDecimal("750.50"), 10, 3, new BigDecimal("12.5")));
        assertEquals(0, new BigDecimal("750.50").compareTo(limits.maxDailyLoss()));
        assertEquals(10, limits.flattenMinutesBeforeClose());
        assertEquals(3, limits.coolDownAfterLosses());
        assertEquals(0, new BigDecimal("12.5").compareTo(limits.maxDrawdownPercent()));

        assertNull(SignalOrders.limits(new AgentRiskSettings(new BigDecimal("5000"), 3, null, null, false, null, null, null, null))
                .maxDailyLoss(), "no limit when the agent sets none");
    }

    private Optional<OrderRequest> request(Map<String, Object> signal, Optional<Position> position) {
        return SignalOrders.toRequest(agent, bar, 2, Signal.from(signal), position);
    }
}
