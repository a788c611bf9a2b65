package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.LiveStatistics;
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
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /agents: every agent with its state and results; /agents/{id}: one agent, its script, account, orders and positions. */
@WebServlet(urlPatterns = {"/agents", "/agents/*"})
public class AgentsServlet extends HttpServlet {

    /** Rows of orders and positions on an agent's page; the full lists are a link away. */
    private static final int RECENT = 20;
    /** /agents/{id}/scripts/{hash}: one version of the agent's script. */
    private static final Pattern SCRIPT_PATH = Pattern.compile("(" + AgentId.PATTERN + ")/scripts/([0-9a-f]{64})");

    @Inject
    Pages pages;

    @Inject
    AgentQueries agents;

    @Inject
    OrderQueries orders;

    @Inject
    PositionQueries positions;

    @Inject
    LiveStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null || request.getPathInfo().equals("/") ? null : request.getPathInfo().substring(1);
        if (id == null) {
            pages.render("agents/list", Map.of("agents", agents.agents()), request, response);
            return;
        }
        Matcher scriptPath = SCRIPT_PATH.matcher(id);
        if (scriptPath.matches()) {
            script(request, response, scriptPath.group(1), scriptPath.group(2));
            return;
        }
        var detail = AgentId.tryParse(id).flatMap(agents::agent);
        if (detail.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No agent " + id);
            return;
        }
        Map<String, Object> model = new HashMap<>(Map.of(
                "detail", detail.get(),
                "orders", orders.orders(OrderFilter.forAgent(id), PageRequest.first(RECENT)).map(OrderRow::new),
                "positions", positions.positions(PositionFilter.forAgent(id), PageRequest.first(RECENT)),
                "scriptVersions", agents.scriptVersions(AgentId.of(id))));
        // the agent's account's statistics, once it has one (it opens with the first bar)
        model.put("stats", detail.get().account() == null ? null : statistics.of(detail.get().account()));
        pages.render("agents/detail", model, request, response);
    }

    /** One version of an agent's script, as an order's script hash names it (a deleted agent's too). */
    private void script(HttpServletRequest request, HttpServletResponse response, String id, String hash) throws IOException {
        var version = AgentId.tryParse(id).flatMap(agent -> agents.scriptVersion(agent, hash));
        if (version.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No script " + hash + " of agent " + id);
            return;
        }
        pages.render("agents/script", Map.of("version", version.get()), request, response);
    }
}
