package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.domain.agent.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The Overview's stored parts, read in one transaction: the queries join it, so a page takes one pooled connection
 * and one begin and commit, not three (the Overview is the page most often open, and the pool is shared with the
 * poller and every other reader).
 */
@ApplicationScoped
public class OverviewReads {

    @Inject
    OrderQueries orders;

    @Inject
    AgentQueries agents;

    /** The newest orders and fills as table rows, and the agents the scanner stopped for errors. */
    public record Stored(List<OrderRow> latestOrders, List<FillRow> latestFills, List<Agent> agentsInError) {
    }

    @Transactional
    public Stored read(int latest) {
        return new Stored(OrderRow.of(orders.latestOrders(latest)), FillRow.of(orders.latestFills(latest)), agents.agentsInError());
    }
}
