package com.papertrader.interfaces.web;

import com.papertrader.application.backtest.BacktestRequest;
import com.papertrader.application.backtest.BacktestRun;
import com.papertrader.application.backtest.BacktestService;
import com.papertrader.application.backtest.ParityReport;
import com.papertrader.application.backtest.Statistics;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.market.Bar;
import com.papertrader.domain.market.MarketCalendar;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The backtest pages: {@code /backtests} (list), {@code /backtests/new?agent=ID} (form; POST {@code /backtests}
 * starts one), {@code /backtests/{id}} (progress and results; POST {@code /backtests/{id}/cancel}) and
 * {@code /backtests/parity?agent=ID&day=yyyy-MM-dd} (a live day against its replay).
 */
@WebServlet(urlPatterns = {"/backtests", "/backtests/*"})
@MultipartConfig(maxFileSize = BacktestServlet.MAX_UPLOAD, maxRequestSize = BacktestServlet.MAX_UPLOAD + 100_000)
public class BacktestServlet extends HttpServlet {

    static final long MAX_UPLOAD = 50L * 1024 * 1024;

    @Inject
    Pages pages;

    @Inject
    BacktestService backtests;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        if (path.isEmpty()) {
            pages.render("backtests/list", Map.of("runs", backtests.all(), "backtests", backtests), request, response);
        } else if (path.equals("new")) {
            Map<String, String> form = defaults(backtests, request.getParameter("agent"));
            form(request, response, form, null);
        } else if (path.equals("parity")) {
            parity(request, response);
        } else {
            Optional<BacktestRun> run = backtests.find(path);
            if (run.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No backtest " + path);
                return;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("run", run.get());
            model.put("status", backtests.statusOf(run.get()));
            model.put("barsDone", backtests.barsDone(run.get()));
            model.put("barsTotal", backtests.barsTotal(run.get()));
            model.put("basis", Statistics.RETURNS_BASIS);
            pages.render("backtests/show", model, request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String path = path(request);
        if (path.endsWith("/cancel")) {
            String id = path.substring(0, path.length() - "/cancel".length());
            backtests.cancel(id, Callers.actor(request));
            response.sendRedirect(request.getContextPath() + "/backtests/" + id);
            return;
        }
        if (!path.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (String field : List.of("agentId", "tickers", "from", "to", "startingCash", "prices")) {
            form.put(field, Optional.ofNullable(request.getParameter(field)).orElse(""));
        }
        try {
            Optional<Part> file = upload(request);
            BacktestRequest parsed = BacktestRequest.parse(form.get("agentId"), form.get("tickers"), form.get("from"),
                    form.get("to"), form.get("startingCash"), file.isPresent()).withPrices(form.get("prices"));
            BacktestRun run = file.isPresent()
                    ? backtests.start(parsed, Optional.of(uploadedBars(file.get(), parsed)), "file " + file.get().getSubmittedFileName(),
                            Callers.actor(request))
                    : backtests.start(parsed, Optional.empty(), "stored bars", Callers.actor(request));
            response.sendRedirect(request.getContextPath() + "/backtests/" + run.getId());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form(request, response, form, e.getMessage());
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, String> form, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("form", form);
        model.put("agents", backtests.agents());
        if (error != null) {
            model.put("error", error);
        }
        pages.render("backtests/form", model, request, response);
    }

    /** The agent's tickers (or the configured ones), the past week, the configured starting cash: also a sweep's. */
    static Map<String, String> defaults(BacktestService backtests, String agentId) {
        Map<String, String> form = new HashMap<>();
        Optional<Agent> agent = backtests.agents().stream().filter(a -> a.getId().value().equals(agentId)).findFirst();
        List<String> tickers = agent.filter(a -> !a.getTickers().isAll()).map(a -> a.getTickers().tickers())
                .orElse(backtests.followedTickers());
        form.put("agentId", agent.map(a -> a.getId().value()).orElse(""));
        form.put("tickers", String.join(", ", tickers));
        LocalDate today = LocalDate.now(MarketCalendar.NEW_YORK);
        form.put("from", today.minusDays(7).toString());
        form.put("to", today.toString());
        form.put("startingCash", backtests.startingCash().toPlainString());
        return form;
    }

    private void parity(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        String agent = Optional.ofNullable(request.getParameter("agent")).orElse("");
        String day = Optional.ofNullable(request.getParameter("day")).orElse("");
        model.put("agent", agent);
        model.put("day", day);
        model.put("agents", backtests.agents());
        if (!agent.isEmpty() && !day.isEmpty()) {
            try {
                ParityReport report = backtests.parity(agent, LocalDate.parse(day));
                model.put("report", report);
            } catch (DateTimeParseException e) {
                model.put("error", "day: \"" + day + "\" is not a date (yyyy-MM-dd)");
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            } catch (IllegalArgumentException e) {
                model.put("error", e.getMessage());
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        pages.render("backtests/parity", model, request, response);
    }

    /** The uploaded CSV file, if the form was sent with one. */
    private static Optional<Part> upload(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return Optional.empty();
        }
        Part part = request.getPart("csv");
        return part == null || part.getSize() == 0 ? Optional.empty() : Optional.of(part);
    }

    /** The file's bars of the requested tickers in the period; a file with bad lines is refused, naming them. */
    private List<List<Bar>> uploadedBars(Part part, BacktestRequest request) throws IOException {
        try (Reader reader = new InputStreamReader(part.getInputStream(), StandardCharsets.UTF_8)) {
            return backtests.uploadedBars(reader, request);
        }
    }

    private static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? "" : info.replaceAll("^/+|/+$", "");
    }
}
