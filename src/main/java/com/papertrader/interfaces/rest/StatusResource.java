package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.StatusService;
import com.papertrader.application.SystemStatus;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.PollCycle;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * GET /api/status. Written with JSON-P rather than JSON-B so every key is present (null when unknown) and the
 * document is the same on WildFly and Payara, whose JSON-B set-ups differ on nulls in records. Money is a string
 * ("1234.56"), so no amount passes through a double.
 */
@Path("status")
public class StatusResource {

    @Inject
    StatusService status;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject get() {
        return json(status.current());
    }

    /** The status document, also sent to the pages as the server-sent event "status". */
    static JsonObject json(SystemStatus current) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("isRunning", current.isRunning())
                .add("feed", current.feed())
                .add("feedConnected", current.feedConnected())
                .add("subscribedTickers", JSON.createArrayBuilder(current.subscribedTickers()))
                .add("activeAgents", current.activeAgents())
                .add("watchedTickers", JSON.createArrayBuilder(current.watchedTickers()))
                .add("pendingOrders", current.pendingOrders())
                .add("activeAccounts", current.activeAccounts())
                .add("callsToday", current.callsToday())
                .add("expectedCallsToday", current.expectedCallsToday())
                .add("totalEquity", current.totalEquity().toPlainString())
                .add("dayPnl", current.dayPnl().toPlainString())
                .add("killSwitchEngaged", current.killSwitchEngagedBy() != null)
                .add("killSwitchFlattened", current.killSwitchFlattened())
                .add("role", current.role())
                .add("node", current.node());
        addOrNull(json, "lastPollAt", current.lastPollAt());
        addOrNull(json, "nextBarDueAt", current.nextBarDueAt());
        addOrNull(json, "callsPerMinuteLimit", current.callsPerMinuteLimit());
        addOrNull(json, "lastError", current.lastError());
        addOrNull(json, "killSwitchEngagedBy", current.killSwitchEngagedBy());
        addOrNull(json, "killSwitchEngagedAt", current.killSwitchEngagedAt());
        addOrNull(json, "activeSince", current.activeSince());
        if (current.lastCycle() == null) {
            json.addNull("lastCycle");
        } else {
            json.add("lastCycle", cycle(current.lastCycle()));
        }
        if (current.stream() == null) {
            json.addNull("stream");
        } else {
            json.add("stream", stream(current.stream()));
        }
        return json.build();
    }

    /** Durations in milliseconds; the times after the bar's end are null when the cycle stored nothing. */
    private static JsonObjectBuilder cycle(PollCycle cycle) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("bar", cycle.bar().toString())
                .add("tickers", cycle.tickers())
                .add("bars", cycle.bars())
                .add("fetchingMs", cycle.fetching().toMillis())
                .add("storingMs", cycle.storing().toMillis())
                .add("tradingMs", cycle.trading().toMillis())
                .add("slowestStep", cycle.slowestStep())
                .add("slowestCallMs", cycle.slowestCall().toMillis());
        cycle.firstTraded().ifPresentOrElse(after -> json.add("firstTradedAfterBarEndMs", after.toMillis()),
                () -> json.addNull("firstTradedAfterBarEndMs"));
        cycle.lastTraded().ifPresentOrElse(after -> json.add("lastTradedAfterBarEndMs", after.toMillis()),
                () -> json.addNull("lastTradedAfterBarEndMs"));
        cycle.slowestTicker().ifPresentOrElse(ticker -> json.add("slowestTicker", ticker), () -> json.addNull("slowestTicker"));
        return json;
    }

    private static JsonObjectBuilder stream(FeedStats.Stream stream) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("state", stream.state())
                .add("minutes", stream.minutes())
                .add("lateMinutes", stream.lateMinutes())
                .add("bars", stream.bars());
        addOrNull(json, "since", stream.since());
        addOrNull(json, "detail", stream.detail());
        addOrNull(json, "lastStoredAfterBarEndMs", stream.lastStoredAfterBarEnd() == null ? null : stream.lastStoredAfterBarEnd().toMillis());
        addOrNull(json, "lastTradedAfterBarEndMs", stream.lastTradedAfterBarEnd() == null ? null : stream.lastTradedAfterBarEnd().toMillis());
        return json;
    }

    private static void addOrNull(JsonObjectBuilder json, String key, Object value) {
        if (value == null) {
            json.addNull(key);
        } else if (value instanceof Integer number) {
            json.add(key, number);
        } else if (value instanceof Long number) {
            json.add(key, number);
        } else {
            json.add(key, value.toString());
        }
    }
}
