package com.papertrader.interfaces.web;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.ingest.CorporateActionStore.KnownAction;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** /corporate-actions: the splits and cash dividends known, newest first, and whether live trading applied them. */
@WebServlet("/corporate-actions")
public class CorporateActionsServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    CorporateActionStore corporateActions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<KnownAction> newestFirst = new ArrayList<>(corporateActions.all());
        Collections.reverse(newestFirst);
        pages.render("corporate-actions/list", Map.of("actions", newestFirst), request, response);
    }
}
