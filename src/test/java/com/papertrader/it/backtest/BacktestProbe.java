package com.papertrader.it.backtest;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.it.Http;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: stores a day of bars of one ticker through the application's BarStore and, when asked, delivers
 * them as the poller does (BarsIngested), so the live desk trades them. Its static {@link #finished} is the tests'
 * side: it waits for a run over the API.
 */
@Path("backtest-probe")
public class BacktestProbe {

    @Inject
    BarStore bars;

    @Inject
    Event<BarsIngested> ingested;

    /** {@link #fallThenRise}'s sixty bars of the ticker on the day. */
    @POST
    @Path("bars")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject store(@QueryParam("ticker") String ticker, @QueryParam("day") String day, @QueryParam("live") boolean live) {
        List<Bar> series = fallThenRise(ticker, LocalDate.parse(day));
        int stored = bars.upsert(series).inserted().size();
        if (live) {
            ingested.fire(new BarsIngested(series, series.get(series.size() - 1).start()));
        }
        return Json.createObjectBuilder().add("stored", stored).build();
    }

    static Instant open(LocalDate day) {
        return day.atTime(LocalTime.of(9, 30)).atZone(MarketCalendar.NEW_YORK).toInstant();
    }

    /**
     * Five-minute bars from 09:30 New York: the first closes at 50.00, the next 29 fall 0.02 each (to 49.42), the
     * last 30 rise 0.05 each (to 50.92); each opens at the previous close, high and low 0.01 beyond the body.
     */
    static List<Bar> fallThenRise(String ticker, LocalDate day) {
        List<Bar> series = new ArrayList<>();
        BigDecimal close = new BigDecimal("50.00");
        BigDecimal tick = new BigDecimal("0.01");
        for (int i = 0; i < 60; i++) {
            BigDecimal open = close;
            close = i == 0 ? close : i < 30 ? close.subtract(new BigDecimal("0.02")) : close.add(new BigDecimal("0.05"));
            series.add(new Bar(ticker, open(day).plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), open,
                    open.max(close).add(tick), open.min(close).subtract(tick), close, new BigDecimal("20000"), null, null));
        }
        return series;
    }

    /** The run once it is no longer queued or running, read from GET /api/backtests/{id}; fails after a minute. */
    public static JsonObject finished(URL base, String id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonObject run = Http.json(Http.get(base, "/api/backtests/" + id));
            String status = run.getString("status");
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            assertFalse(Instant.now().isAfter(deadline), "still " + status + " after a minute: " + run);
            Thread.sleep(200);
        }
    }
}
