package com.papertrader.interfaces.web;

import com.papertrader.application.StatusService;
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
    OverviewReads stored;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OverviewReads.Stored read = stored.read(LATEST);
        pages.render("overview", Map.of(
                "status", status.current(),
                "latestOrders", read.latestOrders(),
                "latestFills", read.latestFills(),
                "agentsInError", read.agentsInError(),
                "latest", LATEST), request, response);
    }
}
