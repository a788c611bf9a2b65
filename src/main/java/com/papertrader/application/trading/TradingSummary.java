package com.papertrader.application.trading;

import com.papertrader.domain.trading.risk.KillSwitch;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What the broker holds, for the status: counts, equity and day P&L summed over the accounts, and the kill switch while
 * it is engaged (TradingDesk fires one after each change, and the active desk hands it to the standby servers).
 */
public record TradingSummary(int accounts, int workingOrders, int openPositions, BigDecimal totalEquity, BigDecimal dayPnl,
                             Optional<KillSwitch> killSwitch) {

    /** Before the trading desk has started. */
    public static final TradingSummary NOTHING_YET = new TradingSummary(0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
            Optional.empty());

    /** The live event that carries the active desk's summary to the other servers ({@link com.papertrader.application.OtherServers}). */
    public static final String EVENT = "summary";

    /** As the other servers receive it: one object in an array named {@value #EVENT}, as their live events are made. */
    public JsonObject toEvent() {
        JsonObjectBuilder summary = Json.createObjectBuilder()
                .add("accounts", accounts).add("workingOrders", workingOrders).add("openPositions", openPositions)
                .add("totalEquity", totalEquity).add("dayPnl", dayPnl);
        killSwitch.ifPresent(engaged -> summary.add("killSwitch", Json.createObjectBuilder()
                .add("engagedBy", engaged.engagedBy()).add("engagedAt", engaged.engagedAt().toString())
                .add("flattened", engaged.flattened())));
        return Json.createObjectBuilder().add(EVENT, Json.createArrayBuilder().add(summary)).build();
    }

    /** The summary {@link #toEvent()} made, as another server received it. */
    public static TradingSummary fromEvent(JsonObject event) {
        JsonObject summary = event.getJsonArray(EVENT).getJsonObject(0);
        Optional<KillSwitch> killSwitch = Optional.ofNullable(summary.getJsonObject("killSwitch"))
                .map(engaged -> new KillSwitch(engaged.getString("engagedBy"), Instant.parse(engaged.getString("engagedAt")),
                        engaged.getBoolean("flattened")));
        return new TradingSummary(summary.getInt("accounts"), summary.getInt("workingOrders"), summary.getInt("openPositions"),
                summary.getJsonNumber("totalEquity").bigDecimalValue(), summary.getJsonNumber("dayPnl").bigDecimalValue(), killSwitch);
    }
}
