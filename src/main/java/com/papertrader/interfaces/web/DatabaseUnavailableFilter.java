package com.papertrader.interfaces.web;

import com.papertrader.application.DatabaseHealth;
import com.papertrader.interfaces.rest.ApiErrors;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A page or API call that needs the database while it is away gets 503 and says so (the error page, or
 * {@code {"error": ...}} for /api), with one log line, instead of the server's stack trace. Before the application
 * runs on the database (waiting for it at start) nothing is asked of it; afterwards a request that fails while the
 * health check finds the database away is answered the same way. The health check, the metrics (which say the database
 * is down) and static files always pass.
 */
public class DatabaseUnavailableFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableFilter.class.getName());
    private static final List<String> WITHOUT_DATABASE = List.of("/health", "/metrics", "/static/", "/favicon.svg");

    @Inject
    DatabaseHealth database;

    @Inject
    Pages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (WITHOUT_DATABASE.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> notReady = database.notReady();
        if (notReady.isPresent()) {
            unavailable(path, notReady.get(), request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            Optional<String> away = database.problem();
            if (away.isEmpty() || response.isCommitted()) {
                throw e;
            }
            unavailable(path, away.get(), request, response);
        }
    }

    private void unavailable(String path, String reason, HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.log(Level.WARNING, "{0} {1} not served: the database is not reachable: {2}", new Object[]{request.getMethod(), path, reason});
        String message = "The database is not reachable (" + reason.replaceFirst("\\.$", "") + "). Nothing was changed;"
                + " Paper Trader keeps asking for it, and this works again once it answers.";
        response.resetBuffer();
        response.setHeader("Retry-After", "10");
        if (path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiErrors.document(message).toString());
        } else {
            pages.error(HttpServletResponse.SC_SERVICE_UNAVAILABLE, message, request, response);
        }
    }
}
