package com.papertrader.interfaces.web;

import com.papertrader.application.backtest.BacktestRun;
import com.papertrader.application.backtest.BacktestService;
import com.papertrader.application.backtest.BacktestSweep;
import com.papertrader.application.backtest.Heatmap;
import com.papertrader.application.backtest.ParameterGrid;
import com.papertrader.application.backtest.SweepRequest;
import com.papertrader.application.backtest.SweepService;
import com.papertrader.application.backtest.SweepStatistic;
import com.papertrader.domain.agent.AgentParameters;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sweep pages: {@code /sweeps} (list), {@code /sweeps/new?agent=ID} (form; POST {@code /sweeps} starts one),
 * {@code /sweeps/{id}} (progress, heatmap and ranked runs; POST {@code /sweeps/{id}/cancel} and {@code /resume}).
 */
@WebServlet(urlPatterns = {"/sweeps", "/sweeps/*"})
public class SweepServlet extends HttpServlet {

    private static final List<String> FIELDS = List.of("agentId", "tickers", "from", "to", "startingCash", "prices", "grid", "rankBy");

    @Inject
    Pages pages;

    @Inject
    SweepService sweeps;

    @Inject
    BacktestService backtests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.isEmpty()) {
            pages.render("sweeps/list", Map.of("sweeps", sweeps.all(), "service", sweeps), request, response);
        } else if (path.equals("new")) {
            form(request, response, defaults(backtests, request.getParameter("agent")), null);
        } else {
            Optional<BacktestSweep> sweep = sweeps.find(path);
            if (sweep.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No sweep " + path);
                return;
            }
            show(request, response, sweep.get(), null);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.endsWith("/cancel") || path.endsWith("/resume")) {
            String id = path.substring(0, path.lastIndexOf('/'));
            Optional<BacktestSweep> sweep = sweeps.find(id);
            if (sweep.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No sweep " + id);
                return;
            }
            if (path.endsWith("/cancel")) {
                sweeps.cancel(id, Callers.actor(request));
            } else {
                try {
                    sweeps.resume(id, Callers.actor(request));
                } catch (IllegalStateException | IllegalArgumentException e) {
                    response.setStatus(HttpServletResponse.SC_CONFLICT);
                    show(request, response, sweep.get(), e.getMessage());
                    return;
                }
            }
            response.sendRedirect(request.getContextPath() + "/sweeps/" + id);
            return;
        }
        if (!path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, String> form = new HashMap<>();
        FIELDS.forEach(field -> form.put(field, Optional.ofNullable(request.getParameter(field)).orElse("")));
        try {
            SweepRequest parsed = SweepRequest.parse(form.get("agentId"), form.get("tickers"), form.get("from"), form.get("to"),
                    form.get("startingCash"), form.get("prices"), form.get("grid"), form.get("rankBy"));
            BacktestSweep sweep = sweeps.start(parsed, Callers.actor(request));
            response.sendRedirect(request.getContextPath() + "/sweeps/" + sweep.getId());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form(request, response, form, e.getMessage());
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, BacktestSweep sweep, String error) throws IOException {
        List<BacktestRun> ranked = sweeps.ranked(sweep);
        Map<String, Object> model = new HashMap<>();
        model.put("sweep", sweep);
        model.put("status", sweeps.statusOf(sweep));
        model.put("resumable", SweepService.resumable(sweeps.statusOf(sweep)));
        model.put("ranked", ranked);
        model.put("ended", ranked.stream().filter(run -> run.getStatus().isFinished()).count());
        model.put("keys", List.copyOf(sweep.getGrid().keys()));
        model.put("heatmap", Heatmap.of(sweep.getGrid(), ranked, sweep.getRankBy()).orElse(null));
        model.put("backtests", backtests);
        if (error != null) {
            model.put("error", error);
        }
        pages.render("sweeps/show", model, request, response);
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
        pages.render("sweeps/form", model, request, response);
    }

    /** As a backtest's, plus a grid of the agent's own parameters (one value each, to widen) ranked by Sharpe: also a walk-forward's. */
    static Map<String, String> defaults(BacktestService backtests, String agentId) {
        Map<String, String> form = BacktestServlet.defaults(backtests, agentId);
        Map<String, Object> grid = new LinkedHashMap<>();
        backtests.agents().stream().filter(agent -> agent.getId().value().equals(agentId)).findFirst()
                .ifPresent(agent -> agent.getParameters().asMap().forEach((key, value) -> grid.put(key, List.of(value))));
        form.put("grid", grid.isEmpty() ? "{\"period\": [10, 20, 50]}" : AgentParameters.of(grid).toJson());
        form.put("rankBy", SweepStatistic.SHARPE.key());
        form.put("prices", "adjusted");
        return form;
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? "" : info.replaceAll("^/+|/+$", "");
    }
}
