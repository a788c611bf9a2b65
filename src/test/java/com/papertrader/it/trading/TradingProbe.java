package com.papertrader.it.trading;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.StoredBars;
import com.papertrader.domain.trading.order.Order;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.Position;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: stores a day of AAPL bars and delivers them as the poller does (BarsIngested), and reports the trading
 * state as JSON, so a client-side test can compare it across a redeploy.
 */
@Path("test-probe")
public class TradingProbe {

    @Inject
    BarStore bars;

    @Inject
    Event<BarsIngested> ingested;

    @PersistenceContext
    EntityManager em;

    /** Sixty bars: a gentle fall, then a gentle rise, so the SMA 10/30 crossover agent buys once. */
    @POST
    @Path("bars")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject deliver(@QueryParam("day") String day) {
        Instant open = LocalDate.parse(day).atTime(LocalTime.of(9, 30)).atZone(MarketCalendar.NEW_YORK).toInstant();
        List<Bar> day60 = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            BigDecimal price = i < 35 ? new BigDecimal("100.00").subtract(new BigDecimal("0.02").multiply(BigDecimal.valueOf(i)))
                    : new BigDecimal("99.30").add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(i - 34)));
            day60.add(new Bar("AAPL", open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), price,
                    price.add(new BigDecimal("0.04")), price.subtract(new BigDecimal("0.04")), price.add(new BigDecimal("0.01")),
                    new BigDecimal("50000"), null, null));
        }
        StoredBars stored = bars.upsert(day60);
        ingested.fire(new BarsIngested(day60, day60.get(day60.size() - 1).start()));
        return Json.createObjectBuilder().add("stored", stored.inserted().size()).build();
    }

    @GET
    @Path("state")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject state() {
        JsonArrayBuilder orders = Json.createArrayBuilder();
        em.createQuery("select distinct o from Order o left join fetch o.events order by o.id", Order.class).getResultList().forEach(o -> orders.add(
                Json.createObjectBuilder().add("id", o.id()).add("status", o.status().name())
                        .add("filled", o.filledQuantity()).add("reason", o.reason())
                        .add("barTime", o.barTime().toString())
                        .add("price", o.averageFillPrice() == null ? "" : o.averageFillPrice().toPlainString())
                        .add("events", Json.createArrayBuilder(o.events().stream()
                                .map(e -> e.sequence() + ":" + e.previousStatus() + ">" + e.status()).toList()))));
        JsonArrayBuilder positions = Json.createArrayBuilder();
        em.createQuery("select p from Position p order by p.id", Position.class).getResultList().forEach(p -> positions.add(
                Json.createObjectBuilder().add("id", p.id()).add("quantity", p.quantity())
                        .add("average", p.averagePrice().toPlainString()).add("open", p.isOpen())));
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        em.createQuery("select a from Account a order by a.id", Account.class).getResultList().forEach(a -> accounts.add(
                Json.createObjectBuilder().add("id", a.id()).add("cash", a.cash().toPlainString())
                        .add("equity", a.equity().toPlainString())));
        return Json.createObjectBuilder().add("orders", orders).add("positions", positions).add("accounts", accounts).build();
    }
}
