package com.papertrader.interfaces.web;

import com.papertrader.application.DatabaseHealth;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Liveness and readiness in one: UP (200) when the database answers, DOWN (503) with the reason logged otherwise. */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(HealthServlet.class.getName());

    @Inject
    DatabaseHealth database;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> problem = database.problem();
        problem.ifPresent(reason -> LOG.log(Level.WARNING, "Health check: database unavailable: {0}", reason));
        String state = problem.isEmpty() ? "UP" : "DOWN";
        response.setStatus(problem.isEmpty() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":\"" + state + "\",\"checks\":{\"database\":\"" + state + "\"}}");
    }
}
