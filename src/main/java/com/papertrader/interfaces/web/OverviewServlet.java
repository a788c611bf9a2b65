package com.papertrader.interfaces.web;

import com.papertrader.application.StatusService;
import com.papertrader.infrastructure.persistence.AgentQueries;
import com.papertrader.infrastructure.persistence.OrderQueries;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The Overview page at the application root: the status, the latest orders and fills, and agents in error. */
@WebServlet("")
public class OverviewServlet extends HttpServlet {

    private static final int LATEST = 10;

    @Inject
    Pages pages;

    @Inject
    StatusService status;

    @Inject
    OrderQueries orders;

    @Inject
    AgentQueries agents;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render("overview", Map.of(
                "status", status.current(),
                "latestOrders", OrderRow.of(orders.latestOrders(LATEST)),
                "latestFills", FillRow.of(orders.latestFills(LATEST)),
                "agentsInError", agents.agentsInError(),
                "latest", LATEST), request, response);
    }
}
