package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.InvalidQueryException;
import com.papertrader.application.reporting.MarketListing;
import com.papertrader.application.reporting.MarketListing.MarketPage;
import com.papertrader.application.reporting.PageRequest;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** /market?q=&amp;page=&amp;size=: the followed tickers, searched and paged, with their last price and today's bars. */
@WebServlet("/market")
public class MarketServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    MarketListing listing;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        try {
            MarketPage market = listing.page(request.getParameter("q"), PageRequest.parse(request::getParameter));
            model.put("market", market);
            model.put("links", PageLinks.of("/market", market.search().isEmpty() ? Map.of() : Map.of("q", market.search()), market.rows()));
        } catch (InvalidQueryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("error", e.getMessage());
        }
        pages.render("market/list", model, request, response);
    }
}
