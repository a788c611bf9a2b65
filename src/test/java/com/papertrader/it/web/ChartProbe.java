package com.papertrader.it.web;

import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.BarRepository;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: adds an agent of its own (so its account holds only this test's trades), stores a morning of bars of
 * a ticker no other test uses and delivers them as the poller does, so the real engine trades them; and removes
 * the agent, everything it traded and the bars afterwards, so the other tests of the run still see only the sample
 * agents and a rerun on the same database starts afresh.
 */
@Stateless
@Path("chart-probe")
public class ChartProbe {

    static final String AGENT = "chart-it";
    static final String TICKER = "CHRT";

    /** Buys 10 after the 09:50 bar, exits after the 10:20 bar, buys 5 after the 10:40 bar (fills at the next open). */
    private static final String SCRIPT = """
            /* agent
            { "name": "Chart IT trader", "tickers": ["CHRT"],
              "risk": { "stopLossPercent": null, "takeProfitPercent": null } }
            */
            function scan(bars, ctx) {
              var at = ctx.time.hour * 100 + ctx.time.minute;
              if (at === 950) { return { action: "buy", qty: 10, reason: "entry at 09:50" }; }
              if (at === 1020) { return { action: "exit", reason: "exit at 10:20" }; }
              if (at === 1040) { return { action: "buy", qty: 5, reason: "second entry at 10:40" }; }
            }
            """;

    @Inject
    BarRepository bars;

    @Inject
    Event<BarsIngested> ingested;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** Takes effect at the next deployment, when the scanner loads the agents and the desk opens their accounts. */
    @POST
    @Path("agent")
    public void addAgent() {
        if (em.find(Agent.class, AgentId.of(AGENT)) == null) {
            em.persist(AgentScriptFiles.parse(AGENT + ".js", SCRIPT).toAgent(clock));
        }
    }

    /**
     * Twenty 5-minute bars from 09:30 New York on 2026-06-11: bar i opens at 100 + 0.50 i, closes 0.25 higher,
     * high = close + 0.25, low = open - 0.25. Not in a transaction: the desk saves its trading in its own.
     */
    @POST
    @Path("bars")
    @Produces(MediaType.APPLICATION_JSON)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JsonObject deliver() {
        Instant open = LocalDateTime.parse("2026-06-11T09:30").atZone(MarketCalendar.NEW_YORK).toInstant();
        List<Bar> morning = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BigDecimal o = new BigDecimal("100.00").add(new BigDecimal("0.50").multiply(BigDecimal.valueOf(i)));
            BigDecimal c = o.add(new BigDecimal("0.25"));
            morning.add(new Bar(TICKER, open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), o,
                    c.add(new BigDecimal("0.25")), o.subtract(new BigDecimal("0.25")), c, new BigDecimal("10000"), null, null));
        }
        int stored = bars.upsert(morning).inserted().size();
        ingested.fire(new BarsIngested(morning, morning.get(morning.size() - 1).start()));
        return Json.createObjectBuilder().add("stored", stored).build();
    }

    @POST
    @Path("cleanup")
    public void removeAgentAndItsTrading() {
        em.createQuery("delete from OrderEvent e where e.order.id in (select o.id from Order o where o.agentId = :agent)")
                .setParameter("agent", AGENT).executeUpdate();
        for (String entity : List.of("Fill", "Order", "ScanRecord")) {
            em.createQuery("delete from " + entity + " x where x.agentId = :agent").setParameter("agent", AGENT).executeUpdate();
        }
        for (String entity : List.of("Position", "EquitySnapshot")) {
            em.createQuery("delete from " + entity + " x where x.accountId = :agent").setParameter("agent", AGENT).executeUpdate();
        }
        em.createQuery("delete from Account a where a.id = :agent").setParameter("agent", AGENT).executeUpdate();
        em.createQuery("delete from Agent a where a.id.value = :agent").setParameter("agent", AGENT).executeUpdate();
        for (String entity : List.of("OhlcvRecord", "BarCursor")) { // so a rerun on the same database trades them again
            em.createQuery("delete from " + entity + " x where x.ticker = :ticker").setParameter("ticker", TICKER).executeUpdate();
        }
    }
}
