package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.ChartQueries;
import com.papertrader.domain.agent.AgentId;
import com.papertrader.interfaces.rest.BarQuery;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * /chart/{ticker}?agent=ID: the ticker's candlesticks with the agents' fills marked (drawn by static/js/price-chart.js
 * from the bars API) and the newest fills listed as a table.
 */
@WebServlet("/chart/*")
public class ChartServlet extends HttpServlet {

    /** The table lists the newest fills only; the chart marks every fill on the bars it shows. */
    static final int FILLS_LISTED = 100;

    @Inject
    Pages pages;

    @Inject
    ChartQueries chart;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        BarQuery query;
        Optional<AgentId> agent;
        try {
            query = BarQuery.parse(path, null, null, null);
            agent = BarQuery.agent(request.getParameter("agent"));
        } catch (IllegalArgumentException e) {
            pages.error(HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), request, response);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("ticker", query.ticker().symbol());
        model.put("agent", agent.map(AgentId::value).orElse(""));
        model.put("fills", chart.fills(query.ticker(), agent, query.from(), query.to(), FILLS_LISTED));
        model.put("fillsListed", FILLS_LISTED);
        pages.render("chart/ticker", model, request, response);
    }
}
