package com.papertrader.it.web;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.application.trading.TradingStore;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only: once per database, adds an agent of its own through the admin path (so its account holds only this test's
 * trades), then stores a morning of bars of a ticker no other agent trades and delivers them as the poller does, so the
 * real engine trades them.
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
    TradingDesk desk;

    @Inject
    TradingStore trading;

    @Inject
    BarStore bars;

    @Inject
    Event<BarsIngested> ingested;

    /**
     * Twenty 5-minute bars from 09:30 New York on 2026-06-11: bar i opens at 100 + 0.50 i, closes 0.25 higher,
     * high = close + 0.25, low = open - 0.25. Not in a transaction: the desk saves its trading in its own.
     */
    @POST
    @Path("trade")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void trade() {
        if (trading.agent(AgentId.of(AGENT)).isPresent()) {
            return;
        }
        desk.addAgent(AgentScriptFiles.parse(AGENT + ".js", SCRIPT), new Actor("probe", "127.0.0.1"));
        Instant open = LocalDateTime.parse("2026-06-11T09:30").atZone(MarketCalendar.NEW_YORK).toInstant();
        List<Bar> morning = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BigDecimal o = new BigDecimal("100.00").add(new BigDecimal("0.50").multiply(BigDecimal.valueOf(i)));
            BigDecimal c = o.add(new BigDecimal("0.25"));
            morning.add(new Bar(TICKER, open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), o,
                    c.add(new BigDecimal("0.25")), o.subtract(new BigDecimal("0.25")), c, new BigDecimal("10000"), null, null));
        }
        bars.upsert(morning);
        ingested.fire(new BarsIngested(morning, morning.get(morning.size() - 1).start()));
    }
}
