package com.papertrader.it.web;

import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.scanning.ScannerBean;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.domain.agent.AgentRiskSettings;
import com.papertrader.domain.agent.WatchedTickers;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.infrastructure.persistence.JpaTradingStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test-only: puts real trading into the database for {@link OrdersPagesIT}. It stores two agents through the store
 * (a trading one, installed in the scanner, and one named with markup that is in error), then stores twelve ORDX bars
 * and delivers them as the poller does, so the real scanner, broker and trading desk make the orders and positions.
 * Both agents trade in the sample SMA agent's account, so no account is added for other tests to count.
 */
@Path("test-read-side")
@RequestScoped
public class ReadSideProbe {

    static final String TICKER = "ORDX";
    static final String AGENT = "orders-it";
    static final String XSS_AGENT = "orders-it-xss";
    static final String XSS_NAME = "<script>alert(1)</script> Orders IT";
    static final String XSS_ERROR = "<img src=x onerror=alert(2)>";
    /** Fails on every bar: the scanner keeps each failed scan, and stops it after three in a row. */
    static final String FAULTY_AGENT = "orders-it-faulty";
    static final String SHARED_ACCOUNT = "sma-crossover";
    static final LocalDate DAY = LocalDate.of(2026, 6, 11);

    /** Buys 10 when a bar closes at 50 or 60, exits when one closes at 55 or 58. The reason tests CSV quoting and escaping. */
    static final String SCRIPT = """
            function scan(bars, ctx) {
              var c = bars.close(-1);
              if (!ctx.position && (c === 50 || c === 60)) {
                return { action: "buy", qty: 10, reason: '=HYPERLINK("http://evil","x") buy, at ' + c };
              }
              if (ctx.position && (c === 55 || c === 58)) {
                return { action: "exit", reason: "<b>exit</b> at " + c };
              }
            }
            """;

    /** (open, close) of bars 0..11 from 09:30 New York; fills happen at the open of the bar after a signal. */
    private static final String[][] BARS = {
            {"49.00", "49.50"}, {"49.50", "50.00"}, {"50.10", "51.00"}, {"51.00", "53.00"}, {"53.00", "55.00"},
            {"55.20", "54.00"}, {"54.00", "60.00"}, {"60.30", "59.00"}, {"59.00", "58.00"}, {"57.90", "57.00"},
            {"57.00", "50.00"}, {"50.40", "50.90"}};

    @Inject
    JpaTradingStore store;

    @Inject
    ScannerBean scanner;

    @Inject
    BarStore bars;

    @Inject
    Event<BarsIngested> ingested;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @POST
    @Path("trade")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject trade() {
        Agent trader = new Agent(AgentId.of(AGENT), "Orders IT", SCRIPT, WatchedTickers.of(TICKER),
                AgentParameters.of(Map.of("entries", "50 and 60")), new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), clock);
        trader.tradeIn(SHARED_ACCOUNT, clock);
        Agent broken = new Agent(AgentId.of(XSS_AGENT), XSS_NAME, SCRIPT, WatchedTickers.of("ORDY"), AgentParameters.none(),
                new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), clock);
        broken.tradeIn(SHARED_ACCOUNT, clock);
        broken.recordScanError(XSS_ERROR, 1);
        Agent faulty = new Agent(AgentId.of(FAULTY_AGENT), "Faulty Orders IT", "function scan(bars, ctx) { return undefinedVariable.price; }",
                WatchedTickers.of(TICKER), AgentParameters.none(), new AgentRiskSettings(new BigDecimal("10000"), 5, null, null, false), clock);
        faulty.tradeIn(SHARED_ACCOUNT, clock);
        List<Agent> saved = store.saveAgents(List.of(trader, broken, faulty));
        scanner.install(saved.get(0));
        scanner.install(saved.get(2));

        Instant open = DAY.atTime(LocalTime.of(9, 30)).atZone(MarketCalendar.NEW_YORK).toInstant();
        List<Bar> day = new ArrayList<>();
        for (int i = 0; i < BARS.length; i++) {
            BigDecimal o = new BigDecimal(BARS[i][0]);
            BigDecimal c = new BigDecimal(BARS[i][1]);
            day.add(new Bar(TICKER, open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), o,
                    o.max(c).add(new BigDecimal("0.10")), o.min(c).subtract(new BigDecimal("0.10")), c,
                    new BigDecimal("100000"), null, null));
        }
        bars.upsert(day);
        ingested.fire(new BarsIngested(day, day.get(day.size() - 1).start()));
        return Json.createObjectBuilder().add("bars", day.size()).build();
    }

    /** Removes the two agents again, so tests that count agents see only the samples; their trades stay. */
    @POST
    @Path("cleanup")
    @Transactional
    public void cleanup() {
        for (String id : List.of(AGENT, XSS_AGENT, FAULTY_AGENT)) {
            Agent agent = em.find(Agent.class, AgentId.of(id));
            if (agent != null) {
                em.remove(agent);
            }
        }
    }
}
