package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import com.papertrader.domain.agent.AgentId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** /agents: every agent with its state and results; /agents/{id}: one agent, its script, account, orders and positions. */
@WebServlet(urlPatterns = {"/agents", "/agents/*"})
public class AgentsServlet extends HttpServlet {

    /** Rows of orders and positions on an agent's page; the full lists are a link away. */
    private static final int RECENT = 20;

    @Inject
    Pages pages;

    @Inject
    AgentQueries agents;

    @Inject
    OrderQueries orders;

    @Inject
    PositionQueries positions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null || request.getPathInfo().equals("/") ? null : request.getPathInfo().substring(1);
        if (id == null) {
            pages.render("agents/list", Map.of("agents", agents.agents()), request, response);
            return;
        }
        var detail = AgentId.tryParse(id).flatMap(agents::agent);
        if (detail.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No agent " + id);
            return;
        }
        pages.render("agents/detail", Map.of(
                "detail", detail.get(),
                "orders", orders.orders(OrderFilter.forAgent(id), PageRequest.first(RECENT)).map(OrderRow::new),
                "positions", positions.positions(PositionFilter.forAgent(id), PageRequest.first(RECENT))), request, response);
    }
}
