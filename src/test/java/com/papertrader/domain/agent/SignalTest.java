package com.papertrader.domain.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTest {

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    private static String rejection(Object... keysAndValues) {
        return assertThrows(InvalidSignalException.class, () -> Signal.from(fields(keysAndValues))).getMessage();
    }

    @Test
    void aBareActionIsAMarketOrderForTheDay() {
        Signal signal = Signal.from(fields("action", "BUY"));
        assertEquals(Signal.Action.BUY, signal.action());
        assertEquals(Signal.OrderType.MARKET, signal.orderType());
        assertEquals(Signal.TimeInForce.DAY, signal.timeInForce());
        assertNull(signal.quantity());
        assertNull(signal.notional());
        assertEquals("", signal.reason());
        assertEquals(Signal.market(Signal.Action.BUY, ""), signal);
    }

    @Test
    void readsEveryField() {
        Signal signal = Signal.from(fields("action", "buy", "qty", 10, "orderType", "stop_limit", "stopPrice", 101.5,
                "limitPrice", 102.0, "stopLoss", 99.2, "takeProfit", 108, "timeInForce", "gtc", "reason", "breakout"));
        assertEquals(new Signal(Signal.Action.BUY, new BigDecimal("10"), null, Signal.OrderType.STOP_LIMIT,
                new BigDecimal("102.0"), new BigDecimal("101.5"), new BigDecimal("99.2"), null, null,
                new BigDecimal("108"), Signal.TimeInForce.GTC, "breakout"), signal);
    }

    @Test
    void scriptNumbersBecomeTheirShortestDecimal() {
        Signal signal = Signal.from(fields("action", "short", "notional", 2500.0, "stopLoss", 0.1 + 0.2));
        assertEquals(new BigDecimal("2500.0"), signal.notional());
        assertEquals(new BigDecimal("0.30000000000000004"), signal.stopLoss());
    }

    @Test
    void rejectsWhatCannotBecomeAnOrder() {
        assertEquals("action 'hold' is not one of buy, sell, short, cover, exit", rejection("action", "hold"));
        assertEquals("action is required: one of buy, sell, short, cover, exit", rejection("reason", "x"));
        assertEquals("qty must be positive, got -5", rejection("action", "buy", "qty", -5));
        assertEquals("qty must be positive, got 0.0", rejection("action", "buy", "qty", 0.0));
        assertEquals("qty must be a finite number, got NaN", rejection("action", "buy", "qty", Double.NaN));
        assertEquals("stopLoss must be a finite number, got Infinity",
                rejection("action", "buy", "stopLoss", Double.POSITIVE_INFINITY));
        assertEquals("qty must be a number, got the string '10'", rejection("action", "buy", "qty", "10"));
        assertEquals("action must be a string, got Boolean true", rejection("action", true));
        assertEquals("give qty or notional, not both", rejection("action", "buy", "qty", 1, "notional", 100));
        assertEquals("a limit order needs limitPrice", rejection("action", "buy", "orderType", "limit"));
        assertEquals("a stop order needs stopPrice", rejection("action", "sell", "orderType", "stop"));
        assertEquals("a stop_limit order needs limitPrice", rejection("action", "buy", "orderType", "stop_limit", "stopPrice", 10));
        assertEquals("limitPrice is only for limit and stop_limit orders, not market",
                rejection("action", "buy", "limitPrice", 10));
        assertEquals("stopPrice is only for stop and stop_limit orders, not limit",
                rejection("action", "buy", "orderType", "limit", "limitPrice", 10, "stopPrice", 9));
        assertEquals("orderType 'iceberg' is not one of market, limit, stop, stop_limit",
                rejection("action", "buy", "orderType", "iceberg"));
        assertEquals("timeInForce 'ioc' is not one of day, gtc", rejection("action", "buy", "timeInForce", "ioc"));
        assertEquals("exit closes the whole position and takes no qty or notional; use sell or cover with qty for part of it",
                rejection("action", "exit", "qty", 5));
        assertEquals("stopLoss, trailing stops and takeProfit belong to entries (buy, short), not sell",
                rejection("action", "sell", "stopLoss", 90));
        assertEquals("stopLoss, trailing stops and takeProfit belong to entries (buy, short), not exit",
                rejection("action", "exit", "trailStopPercent", 5));
        assertEquals("unknown field 'stoploss'; a signal has action, qty, notional, orderType, limitPrice, stopPrice, "
                + "stopLoss, trailStopPercent, trailStopAmount, takeProfit, timeInForce, reason", rejection("action", "buy", "stoploss", 90));
        assertEquals("reason has 201 characters; at most 200 are allowed", rejection("action", "buy", "reason", "x".repeat(201)));
    }

    @Test
    void stopLossAndTakeProfitMustLieOnTheRightSides() {
        assertEquals("stopLoss 101 of a buy must be below its limitPrice 100",
                rejection("action", "buy", "orderType", "limit", "limitPrice", 100, "stopLoss", 101));
        assertEquals("takeProfit 99 of a buy must be above its limitPrice 100",
                rejection("action", "buy", "orderType", "limit", "limitPrice", 100, "takeProfit", 99));
        assertEquals("stopLoss 95 of a short must be above its takeProfit 98",
                rejection("action", "short", "stopLoss", 95, "takeProfit", 98));
        assertEquals("stopLoss 110 of a buy must be below its takeProfit 105",
                rejection("action", "buy", "stopLoss", 110, "takeProfit", 105));
        Signal shortEntry = Signal.from(fields("action", "short", "orderType", "limit", "limitPrice", 50, "stopLoss", 52, "takeProfit", 45));
        assertEquals(new BigDecimal("52"), shortEntry.stopLoss());
    }

    @Test
    void aTrailingStopTrailsByAPercentOrAnAmountInsteadOfAStopLoss() {
        assertEquals(0, new BigDecimal("4.5").compareTo(Signal.from(fields("action", "buy", "trailStopPercent", 4.5)).trailStopPercent()));
        assertEquals(0, new BigDecimal("1.25").compareTo(Signal.from(fields("action", "short", "trailStopAmount", 1.25)).trailStopAmount()));
        assertEquals("give trailStopPercent or trailStopAmount, not both",
                rejection("action", "buy", "trailStopPercent", 5, "trailStopAmount", 2));
        assertEquals("give stopLoss or a trailing stop (trailStopPercent, trailStopAmount), not both",
                rejection("action", "buy", "stopLoss", 95, "trailStopPercent", 5));
        assertEquals("trailStopPercent must be below 100, got 100", rejection("action", "buy", "trailStopPercent", 100));
        assertEquals("trailStopAmount must be positive, got 0", rejection("action", "buy", "trailStopAmount", 0));
    }
}
