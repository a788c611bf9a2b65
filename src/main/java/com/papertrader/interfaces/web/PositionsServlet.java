package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.InvalidQueryException;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.reporting.PositionFilter;
import com.papertrader.application.reporting.PositionQueries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** /positions: open and closed positions with their P&L, by agent, account and state, paged. */
@WebServlet("/positions")
public class PositionsServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    PositionQueries positions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        try {
            PositionFilter filter = PositionFilter.parse(request::getParameter);
            Page<?> page = positions.positions(filter, PageRequest.parse(request::getParameter));
            model.put("page", page);
            model.put("links", PageLinks.of("/positions", filter.parameters(), page));
        } catch (InvalidQueryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("error", e.getMessage());
        }
        pages.render("positions/list", model, request, response);
    }
}
