package com.papertrader.interfaces.web;

import com.papertrader.application.StatusService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** The Overview page at the application root. */
@WebServlet("")
public class OverviewServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    StatusService status;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        pages.render("overview", Map.of("status", status.current()), request, response);
    }
}
