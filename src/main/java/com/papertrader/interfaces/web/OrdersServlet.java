package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.InvalidQueryException;
import com.papertrader.application.reporting.OrderFilter;
import com.papertrader.application.reporting.OrderQueries;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.domain.trading.order.OrderId;
import com.papertrader.domain.trading.order.OrderStatus;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** /orders: the filtered, paged order list; /orders/{id}: one order with its event history and fills. */
@WebServlet(urlPatterns = {"/orders", "/orders/*"})
public class OrdersServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    OrderQueries orders;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getPathInfo() == null || request.getPathInfo().equals("/") ? null : request.getPathInfo().substring(1);
        if (id != null) {
            var detail = OrderId.tryParse(id).flatMap(orders::order);
            if (detail.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No order " + id);
                return;
            }
            pages.render("orders/detail", Map.of("detail", detail.get()), request, response);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("statuses", OrderStatus.values());
        try {
            OrderFilter filter = OrderFilter.parse(request::getParameter);
            Page<OrderRow> page = orders.orders(filter, PageRequest.parse(request::getParameter)).map(OrderRow::new);
            model.put("page", page);
            model.put("filter", filter);
            model.put("links", PageLinks.of("/orders", filter.parameters(), page));
            // New orders can only belong on the first page, and never to a range that has ended.
            model.put("live", !page.hasPrevious() && filter.to() == null);
        } catch (InvalidQueryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("error", e.getMessage());
        }
        pages.render("orders/list", model, request, response);
    }
}
