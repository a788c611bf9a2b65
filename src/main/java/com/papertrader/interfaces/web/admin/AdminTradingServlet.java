package com.papertrader.interfaces.web.admin;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.domain.market.Ticker;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.interfaces.web.Pages;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's commands on trading: cancel a working order ({@code /admin/orders/{id}/cancel}) and close a position
 * ({@code /admin/positions/{account}/{ticker}/close}). Each asks first (the GET says what it does; its form posts to the
 * same path), is recorded with cause "manual" and the admin's name, and lands on the order it canceled or placed.
 */
@WebServlet({"/admin/orders/*", "/admin/positions/*"})
public class AdminTradingServlet extends HttpServlet {

    private static final Pattern CANCEL = Pattern.compile("/admin/orders/([^/]+)/cancel");
    private static final Pattern CLOSE = Pattern.compile("/admin/positions/(" + AccountId.PATTERN + ")/(" + Ticker.PATTERN + ")/close");

    @Inject
    Pages pages;

    @Inject
    TradingDesk desk;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        Matcher cancel = CANCEL.matcher(path);
        Matcher close = CLOSE.matcher(path);
        if (cancel.matches()) {
            confirmCancel(request, response, cancel.group(1), null);
        } else if (close.matches()) {
            confirmClose(request, response, close.group(1), close.group(2), null);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        Matcher cancel = CANCEL.matcher(path);
        Matcher close = CLOSE.matcher(path);
        Actor actor = Callers.actor(request);
        if (cancel.matches()) {
            try {
                desk.cancelOrder(new OrderId(cancel.group(1)), actor);
                response.sendRedirect(orderPage(request, cancel.group(1)));
            } catch (AgentChangeRefused refused) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                confirmCancel(request, response, cancel.group(1), refused.getMessage());
            }
        } else if (close.matches()) {
            try {
                OrderId placed = desk.closePosition(AccountId.of(close.group(1)), Ticker.of(close.group(2)), actor);
                response.sendRedirect(orderPage(request, placed.value()));
            } catch (AgentChangeRefused refused) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                confirmClose(request, response, close.group(1), close.group(2), refused.getMessage());
            }
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void confirmCancel(HttpServletRequest request, HttpServletResponse response, String orderId, String error)
            throws IOException {
        confirm(request, response, "Cancel order", "Cancels what is left of order " + orderId + "; what has filled stays, "
                + "and a bracket's stop and target stay working for the part that filled.", path(request), "/orders/" + orderId, error);
    }

    private void confirmClose(HttpServletRequest request, HttpServletResponse response, String account, String ticker,
                              String error) throws IOException {
        confirm(request, response, "Close position " + ticker + " of " + account, "Places a market order for the whole "
                + ticker + " position of account " + account + ", filled at the open of " + ticker + "'s next bar; its stop "
                + "and target stay working until then and are canceled when it fills.", path(request), "/accounts/" + account, error);
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String title, String consequence,
                         String action, String back, String error) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("consequence", consequence);
        model.put("action", action);
        model.put("back", back);
        model.put("error", error);
        pages.render("admin/confirm", model, request, response);
    }

    private static String orderPage(HttpServletRequest request, String orderId) {
        return request.getContextPath() + "/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8);
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
