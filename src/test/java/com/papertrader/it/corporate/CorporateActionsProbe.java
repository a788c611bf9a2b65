package com.papertrader.it.corporate;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.ingest.BarStore;
import com.papertrader.application.ingest.BarsIngested;
import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.ingest.CorporateActionsStored;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.application.trading.TradingStore;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.domain.agent.AgentScriptFiles;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.domain.market.Split;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Test-only, once per database: an agent of its own (added through the admin path) holds SPLT when a 4-for-1 split and
 * a 0.10 dividend take effect. Monday 2026-06-08's twenty bars (09:30-11:05) rise 0.50 a bar from 200.00; Tuesday's
 * twenty, raw, go on at a quarter of that (from 52.50, 0.125 a bar). The split and the dividend, effective Tuesday, are
 * stored and announced as the daily refresh does, then each day's bars are delivered as the poller does.
 */
@Stateless
@Path("corporate-actions-probe")
public class CorporateActionsProbe {

    static final String AGENT = "split-holder";
    static final String TICKER = "SPLT";
    static final LocalDate MONDAY = LocalDate.of(2026, 6, 8);
    static final LocalDate TUESDAY = LocalDate.of(2026, 6, 9);

    /** Buys 10 on its fifth bar (09:50 Monday, filled at 09:55's open, 202.50) with a stop at 190, then holds. */
    private static final String SCRIPT = """
            /* agent
            { "name": "Split holder", "tickers": ["SPLT"],
              "risk": { "stopLossPercent": null, "takeProfitPercent": null } }
            */
            function scan(bars, ctx) {
              if (!ctx.position && bars.length === 5) {
                return { action: "buy", qty: 10, stopLoss: 190, reason: "hold through the split" };
              }
            }
            """;

    @Inject
    TradingDesk desk;

    @Inject
    TradingStore trading;

    @Inject
    BarStore bars;

    @Inject
    CorporateActionStore corporateActions;

    @Inject
    Event<CorporateActionsStored> corporateActionsStored;

    @Inject
    Event<BarsIngested> ingested;

    @POST
    @Path("trade")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void trade() {
        if (trading.agent(AgentId.of(AGENT)).isPresent()) {
            return;
        }
        desk.addAgent(AgentScriptFiles.parse(AGENT + ".js", SCRIPT), new Actor("probe", "127.0.0.1"));
        corporateActionsStored.fire(new CorporateActionsStored(corporateActions.store(List.of(
                new Split(TICKER, TUESDAY, BigDecimal.ONE, new BigDecimal("4"), "probe-split"),
                new CashDividend(TICKER, TUESDAY, null, new BigDecimal("0.10"), CashDividend.USD, "probe-dividend")),
                new CorporateActionStore.Coverage(Set.of(TICKER), TUESDAY), Instant.now())));
        deliver(day(MONDAY, new BigDecimal("200.00"), new BigDecimal("0.50")));
        deliver(day(TUESDAY, new BigDecimal("52.50"), new BigDecimal("0.125")));
    }

    private void deliver(List<Bar> day) {
        bars.upsert(day);
        ingested.fire(new BarsIngested(day, day.get(0).start()));
    }

    /** Bar i opens at first + step i, closes a half step higher; high half a step above the close, low below the open. */
    private static List<Bar> day(LocalDate date, BigDecimal first, BigDecimal step) {
        Instant open = LocalDateTime.of(date, LocalTime.of(9, 30)).atZone(MarketCalendar.NEW_YORK).toInstant();
        BigDecimal half = step.divide(new BigDecimal("2"));
        List<Bar> day = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BigDecimal o = first.add(step.multiply(BigDecimal.valueOf(i)));
            BigDecimal c = o.add(half);
            day.add(new Bar(TICKER, open.plus(Duration.ofMinutes(5L * i)), Duration.ofMinutes(5), o, c.add(half), o.subtract(half), c,
                    new BigDecimal("10000"), null, null));
        }
        return day;
    }
}
