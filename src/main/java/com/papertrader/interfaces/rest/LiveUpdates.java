package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.OtherServers;
import com.papertrader.application.StatusService;
import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.trading.TradingSaved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-sent events for the live pages (GET /api/events): "status" (the /api/status document) after each poll,
 * and "trading" once a bar event's trading is saved: {"orders": [...], "fills": [...]}, the orders it created or
 * changed and the fills it made, each written as the JSON API writes it ({@link TradingJson}).
 * One broadcaster for every open page; it is made from the first subscriber's {@link Sse}, which JAX-RS only hands
 * to resources. With several servers on one database, the trading of the one running the desk reaches the pages of all.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class.getName());

    @Inject
    StatusService status;

    @Inject
    OtherServers otherServers;

    @Inject
    OperationsMetrics metrics;

    private Sse sse;
    private SseBroadcaster broadcaster;
    /** The open pages, for the metrics (the broadcaster does not tell); closed ones are dropped when counted. */
    private final Set<SseEventSink> sinks = ConcurrentHashMap.newKeySet();

    /** At the start, so the metrics count the live pages from the first scrape on. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.watchLiveClients(this::openPages);
    }

    private int openPages() {
        sinks.removeIf(SseEventSink::isClosed);
        return sinks.size();
    }

    synchronized void subscribe(SseEventSink sink, Sse context) {
        if (broadcaster == null) {
            sse = context;
            broadcaster = context.newBroadcaster();
            broadcaster.onError((failed, error) -> LOG.log(Level.INFO, "A live page stopped receiving updates: {0}", error.toString()));
        }
        broadcaster.register(sink);
        sinks.add(sink);
        sink.send(event("status", StatusResource.json(status.current())));
    }

    /** After each poll: the status, to every open page. */
    public void publishStatus() {
        if (hasSubscribers()) {
            broadcast("status", StatusResource.json(status.current()));
        }
    }

    /** A bar event's saved trading, to this server's pages and to the other servers' ({@link OtherServers}). */
    void onTradingSaved(@Observes TradingSaved saved) {
        if (!hasSubscribers() && !otherServers.any()) {
            return;
        }
        JsonArrayBuilder orders = JSON.createArrayBuilder();
        saved.orders().forEach(order -> orders.add(TradingJson.order(order)));
        JsonArrayBuilder fills = JSON.createArrayBuilder();
        saved.fills().forEach(fill -> fills.add(TradingJson.fill(fill)));
        JsonObject trading = JSON.createObjectBuilder().add("orders", orders).add("fills", fills).build();
        otherServers.tell("trading", trading);
        if (hasSubscribers()) {
            broadcast("trading", trading);
        }
    }

    /** Trading another server saved (the one running the desk), to this server's pages. */
    void onTradingElsewhere(@Observes OtherServers.LiveEventElsewhere elsewhere) {
        if (hasSubscribers() && elsewhere.event().equals("trading")) {
            broadcast("trading", elsewhere.data());
        }
    }

    private synchronized boolean hasSubscribers() {
        return broadcaster != null;
    }

    private synchronized void broadcast(String name, JsonObject data) {
        broadcaster.broadcast(event(name, data));
    }

    private OutboundSseEvent event(String name, JsonObject data) {
        return sse.newEventBuilder().name(name).data(String.class, data.toString()).build();
    }
}
