package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.backtest.Statistics;
import com.papertrader.application.reporting.AgentPerformance;
import com.papertrader.application.reporting.AgentSummary;
import com.papertrader.application.reporting.LiveStatistics;
import com.papertrader.application.reporting.Page;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.ScanRecord;
import com.papertrader.domain.trading.order.Fill;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.order.OrderEvent;
import com.papertrader.domain.trading.order.Trail;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import com.papertrader.domain.trading.risk.RefusalCount;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON documents of the read API, built with JSON-P so every key is present (null when there is no value).
 * Money and prices are strings ("1234.56") so no client reads them through a double; times are ISO-8601 instants.
 */
final class TradingJson {

    private TradingJson() {
    }

    static <T> JsonObject page(Page<T> page, Function<T, JsonObject> item) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.items().forEach(value -> items.add(item.apply(value)));
        return JSON.createObjectBuilder()
                .add("page", page.request().page())
                .add("size", page.request().size())
                .add("hasNext", page.hasNext())
                .add("items", items)
                .build();
    }

    static <T> JsonArrayBuilder array(List<T> values, Function<T, JsonObject> item) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(value -> array.add(item.apply(value)));
        return array;
    }

    static JsonObject order(Order o) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", o.id())
                .add("agentId", o.agentId())
                .add("accountId", o.accountId())
                .add("ticker", o.ticker())
                .add("side", o.side().name())
                .add("type", o.type().name())
                .add("timeInForce", o.timeInForce().name())
                .add("role", o.role().name());
        text(json, "parentId", o.parentId().orElse(null));
        json.add("quantity", o.quantity()).add("filledQuantity", o.filledQuantity());
        money(json, "limitPrice", o.limitPrice());
        money(json, "stopPrice", o.stopPrice());
        text(json, "trail", o.trail().map(Trail::describe).orElse(null));
        money(json, "bestPrice", o.bestPrice());
        money(json, "referencePrice", o.referencePrice());
        money(json, "averageFillPrice", o.averageFillPrice());
        money(json, "commission", o.commission());
        json.add("status", o.status().name()).add("reason", o.reason());
        text(json, "scriptHash", o.scriptHash());
        time(json, "barTime", o.barTime());
        time(json, "createdAt", o.createdAt());
        time(json, "expiresAt", o.expiresAt());
        return json.build();
    }

    /** An order with its event history and fills. */
    static JsonObject orderDetail(Order o, List<Fill> fills) {
        return JSON.createObjectBuilder(order(o))
                .add("events", array(o.events(), TradingJson::event))
                .add("fills", array(fills, TradingJson::fill))
                .build();
    }

    static JsonObject event(OrderEvent e) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("sequence", e.sequence());
        text(json, "previousStatus", e.previousStatus() == null ? null : e.previousStatus().name());
        json.add("status", e.status().name()).add("cause", e.cause());
        time(json, "occurredAt", e.occurredAt());
        time(json, "recordedAt", e.recordedAt());
        if (e.fillQuantity() == null) {
            json.addNull("fillQuantity");
        } else {
            json.add("fillQuantity", e.fillQuantity());
        }
        money(json, "fillPrice", e.fillPrice());
        return json.build();
    }

    static JsonObject fill(Fill f) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", f.id())
                .add("orderId", f.orderId())
                .add("agentId", f.agentId())
                .add("accountId", f.accountId())
                .add("ticker", f.ticker())
                .add("side", f.side().name())
                .add("quantity", f.quantity());
        money(json, "price", f.price());
        money(json, "commission", f.commission());
        time(json, "filledAt", f.filledAt());
        return json.build();
    }

    static JsonObject position(Position p) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", p.id())
                .add("agentId", p.openedBy())
                .add("accountId", p.accountId())
                .add("ticker", p.ticker())
                .add("side", p.side().name())
                .add("open", p.isOpen())
                .add("quantity", p.quantity());
        money(json, "averagePrice", p.averagePrice());
        money(json, "costBasis", p.costBasis());
        money(json, "lastPrice", p.lastPrice());
        money(json, "marketValue", p.marketValue());
        money(json, "unrealizedPnl", p.unrealizedPnl());
        money(json, "realizedPnl", p.realizedPnl());
        time(json, "openedAt", p.openedAt());
        time(json, "closedAt", p.closedAt());
        time(json, "markedAt", p.markedAt());
        return json.build();
    }

    static JsonObject agent(AgentSummary summary) {
        Agent a = summary.agent();
        AgentPerformance perf = summary.performance();
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", a.getId().value())
                .add("name", a.getName())
                .add("state", a.getState().name())
                .add("version", a.getEditVersion())
                .add("tickers", a.getTickers().isAll() ? JSON.createArrayBuilder().add("*") : JSON.createArrayBuilder(a.getTickers().tickers()))
                .add("accountId", a.getAccountId())
                .add("scriptHash", a.getScriptHash())
                .add("openPositions", perf.openPositions())
                .add("closedRoundTrips", perf.closedTrips())
                .add("winningRoundTrips", perf.winningTrips());
        money(json, "realizedPnl", perf.realizedPnl());
        money(json, "unrealizedPnl", perf.unrealizedPnl());
        money(json, "totalPnl", perf.totalPnl());
        money(json, "winRate", perf.winRate().orElse(null));
        if (summary.lastSignal() == null) {
            json.addNull("lastSignal");
        } else {
            json.add("lastSignal", scan(summary.lastSignal()));
        }
        text(json, "lastError", a.getLastError().orElse(null));
        json.add("consecutiveErrors", a.getConsecutiveErrors());
        return json.build();
    }

    static JsonObject scan(ScanRecord s) {
        return JSON.createObjectBuilder()
                .add("barTime", s.barTime().toString())
                .add("ticker", s.ticker())
                .add("signals", s.signals())
                .build();
    }

    static JsonObject scanError(ScanRecord s) {
        return JSON.createObjectBuilder()
                .add("barTime", s.barTime().toString())
                .add("ticker", s.ticker())
                .add("error", s.error().orElse(""))
                .build();
    }

    static JsonObject refusals(RefusalCount count) {
        return JSON.createObjectBuilder()
                .add("tradingDay", count.tradingDay().toString())
                .add("rule", count.rule())
                .add("refusals", count.refusals())
                .add("lastReason", count.lastReason())
                .add("lastAt", count.lastAt().toString())
                .build();
    }

    static JsonObject account(Account a) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", a.id());
        money(json, "cash", a.cash());
        money(json, "equity", a.equity());
        money(json, "buyingPower", a.buyingPower());
        money(json, "realizedPnl", a.realizedPnl());
        money(json, "unrealizedPnl", a.unrealizedPnl());
        money(json, "dayPnl", a.dayPnl());
        return json.build();
    }

    /** A 404 whose body says what was not found. */
    static NotFoundException notFound(String message) {
        return new NotFoundException(ApiErrors.response(Response.Status.NOT_FOUND, message));
    }

    private static void money(JsonObjectBuilder json, String key, BigDecimal value) {
        text(json, key, value == null ? null : value.toPlainString());
    }

    private static void time(JsonObjectBuilder json, String key, Instant value) {
        text(json, key, value == null ? null : value.toString());
    }

    private static void text(JsonObjectBuilder json, String key, String value) {
        if (value == null) {
            json.addNull(key);
        } else {
            json.add(key, value);
        }
    }

    /** A live account's statistics (LiveStatistics): the same keys as a backtest's; a ratio without a value is null. */
    static JsonObject statistics(LiveStatistics.Report report) {
        Statistics s = report.statistics();
        return JSON.createObjectBuilder()
                .add("since", report.since().toString())
                .add("through", report.through().toString())
                .add("returnsBasis", Statistics.RETURNS_BASIS)
                .add("startEquity", JsonValues.decimal(s.startEquity()))
                .add("endEquity", JsonValues.decimal(s.endEquity()))
                .add("netProfit", JsonValues.decimal(s.netProfit()))
                .add("totalReturn", ratio(s.totalReturn()))
                .add("cagr", ratio(s.cagr()))
                .add("sharpe", ratio(s.sharpe()))
                .add("sortino", ratio(s.sortino()))
                .add("maxDrawdown", ratio(s.maxDrawdown()))
                .add("maxDrawdownDuration", s.maxDrawdown() > 0 ? JSON.createValue(s.maxDrawdownDuration().toString()) : JsonValue.NULL)
                .add("trades", s.trades())
                .add("winRate", ratio(s.winRate()))
                .add("profitFactor", ratio(s.profitFactor()))
                .add("averageWin", JsonValues.decimal(s.averageWin()))
                .add("averageLoss", JsonValues.decimal(s.averageLoss()))
                .add("exposure", ratio(s.exposure()))
                .add("calmar", ratio(s.calmar()))
                .add("sqn", ratio(s.sqn()))
                .add("averageMae", ratio(s.averageMae()))
                .add("averageMfe", ratio(s.averageMfe()))
                .add("longestLosingStreak", s.longestLosingStreak())
                .add("turnover", ratio(s.turnover()))
                .build();
    }

    /** NaN (a ratio over nothing) as null. */
    private static JsonValue ratio(double value) {
        return Double.isNaN(value) ? JsonValue.NULL : JSON.createValue(value);
    }
}
