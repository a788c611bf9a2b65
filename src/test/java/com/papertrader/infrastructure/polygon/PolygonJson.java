package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.Bar;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** Bars written the way Polygon's aggregates endpoint answers, for stubs that make up their own bars. */
public final class PolygonJson {

    private PolygonJson() {
    }

    public static JsonObject aggregates(String ticker, List<Bar> bars) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        bars.forEach(bar -> results.add(Json.createObjectBuilder()
                .add("o", bar.open()).add("h", bar.high()).add("l", bar.low()).add("c", bar.close())
                .add("v", bar.volume()).add("t", bar.start().toEpochMilli())));
        return Json.createObjectBuilder().add("ticker", ticker).add("resultsCount", bars.size())
                .add("results", results).add("status", "OK").add("request_id", "stub").build();
    }
}
