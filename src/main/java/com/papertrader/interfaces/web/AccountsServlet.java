package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.AccountQueries;
import com.papertrader.application.reporting.InvalidQueryException;
import com.papertrader.application.reporting.LiveStatistics;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.portfolio.LedgerEntry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * /accounts: every paper account with its figures; /accounts/{id}?page=: one account, its agents, its equity curve and
 * its ledger (cash movements, newest first, paged).
 */
@WebServlet(urlPatterns = {"/accounts", "/accounts/*"})
public class AccountsServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    AccountQueries queries;

    @Inject
    LiveStatistics statistics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            pages.render("accounts/list", Map.of("accounts", queries.accounts(), "agents", queries.agentsByAccount()),
                    request, response);
            return;
        }
        String id = path.substring(1);
        var account = AccountId.tryParse(id).flatMap(queries::account);
        if (account.isEmpty()) {
            pages.error(HttpServletResponse.SC_NOT_FOUND, "No account '" + id + "'.", request, response);
            return;
        }
        PageRequest page;
        try {
            page = PageRequest.parse(request::getParameter);
        } catch (InvalidQueryException e) {
            pages.error(HttpServletResponse.SC_BAD_REQUEST, e.getMessage(), request, response);
            return;
        }
        Page<LedgerEntry> ledger = queries.ledger(AccountId.of(id), page);
        pages.render("accounts/detail", Map.of("account", account.get(), "stats", statistics.of(account.get()),
                "agents", queries.agentsByAccount().getOrDefault(id, List.of()),
                "ledger", ledger, "ledgerLinks", PageLinks.of("/accounts/" + id, Map.of(), ledger)), request, response);
    }
}
