package com.papertrader.interfaces.web;

import com.papertrader.application.DatabaseHealth;
import com.papertrader.application.monitoring.OperationsMetrics;
import com.papertrader.application.reporting.AccountQueries;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.domain.trading.portfolio.Account;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The metrics in Prometheus' text format (README, "Metrics"). What the database holds is read at each scrape; when the
 * database does not answer, the rest is still served, with {@value OperationsMetrics#DATABASE_UP} at 0. Who may read
 * it: PaperTraderAuthentication (a login, unless {@code metrics.public}).
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(MetricsServlet.class.getName());
    /** Prometheus' text exposition format. */
    private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    @Inject
    PrometheusMeterRegistry registry;

    @Inject
    OperationsMetrics metrics;

    @Inject
    DatabaseHealth database;

    @Inject
    OrderQueries orders;

    @Inject
    AccountQueries accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        readDatabase();
        response.setContentType(TEXT_FORMAT);
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(registry.scrape());
    }

    private void readDatabase() {
        Optional<String> notReady = database.notReady();
        if (notReady.isPresent()) {
            metrics.databaseDown();
            return;
        }
        try {
            Map<String, BigDecimal> equity = accounts.accounts().stream()
                    .collect(Collectors.toMap(Account::id, Account::equity, (a, b) -> a, TreeMap::new));
            metrics.databaseRead(orders.countsByStatus(), orders.fillCount(), equity);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Metrics: the database did not answer, its figures are as last read: {0}", e.getMessage());
            metrics.databaseDown();
        }
    }
}
