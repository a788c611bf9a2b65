package com.papertrader.interfaces.web;

import com.papertrader.application.backtest.BacktestService;
import com.papertrader.application.backtest.ParameterGrid;
import com.papertrader.application.backtest.Statistics;
import com.papertrader.application.backtest.SweepService;
import com.papertrader.application.backtest.SweepStatistic;
import com.papertrader.application.backtest.WalkForward;
import com.papertrader.application.backtest.WalkForwardRequest;
import com.papertrader.application.backtest.WalkForwardService;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The walk-forward pages: {@code /walk-forwards} (list), {@code /walk-forwards/new?agent=ID} (form; POST
 * {@code /walk-forwards} starts one) and {@code /walk-forwards/{id}} (progress, windows, joined out-of-sample curve; POST
 * {@code /walk-forwards/{id}/cancel}).
 */
@WebServlet(urlPatterns = {"/walk-forwards", "/walk-forwards/*"})
public class WalkForwardServlet extends HttpServlet {

    /** Below this deflated Sharpe ratio the page warns that the out-of-sample result may be luck of the choice. */
    static final double CONVINCING = 0.95;

    private static final List<String> FIELDS = List.of("agentId", "tickers", "from", "to", "startingCash", "prices", "grid", "rankBy",
            "inSampleDays", "outOfSampleDays");

    @Inject
    Pages pages;

    @Inject
    WalkForwardService tests;

    @Inject
    BacktestService backtests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.isEmpty()) {
            pages.render("walk-forwards/list", Map.of("tests", tests.all(), "service", tests), request, response);
        } else if (path.equals("new")) {
            Map<String, String> form = SweepServlet.defaults(backtests, request.getParameter("agent"));
            form.put("from", form.get("to").isEmpty() ? "" : LocalDate.parse(form.get("to")).minusDays(28).toString());
            form.put("inSampleDays", "10");
            form.put("outOfSampleDays", "5");
            form(request, response, form, null);
        } else {
            Optional<WalkForward> test = tests.find(path);
            if (test.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No walk-forward test " + path);
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("test", test.get());
            model.put("status", tests.statusOf(test.get()));
            model.put("windowsDone", tests.windowsDone(test.get()));
            model.put("convincing", CONVINCING);
            model.put("basis", Statistics.RETURNS_BASIS);
            pages.render("walk-forwards/show", model, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.endsWith("/cancel")) {
            String id = path.substring(0, path.length() - "/cancel".length());
            tests.cancel(id, Callers.actor(request));
            response.sendRedirect(request.getContextPath() + "/walk-forwards/" + id);
            return;
        }
        if (!path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(field -> form.put(field, Optional.ofNullable(request.getParameter(field)).orElse("")));
        try {
            WalkForwardRequest parsed = WalkForwardRequest.parse(form.get("agentId"), form.get("tickers"), form.get("from"),
                    form.get("to"), form.get("startingCash"), form.get("prices"), form.get("grid"), form.get("rankBy"),
                    form.get("inSampleDays"), form.get("outOfSampleDays"));
            WalkForward test = tests.start(parsed, Callers.actor(request));
            response.sendRedirect(request.getContextPath() + "/walk-forwards/" + test.getId());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form(request, response, form, e.getMessage());
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, String> form, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("agents", backtests.agents());
        model.put("statistics", SweepStatistic.values());
        model.put("maxCombinations", ParameterGrid.MAX_COMBINATIONS);
        model.put("cores", SweepService.parallelism());
        if (error != null) {
            model.put("error", error);
        }
        pages.render("walk-forwards/form", model, request, response);
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? "" : info.replaceAll("^/+|/+$", "");
    }
}
