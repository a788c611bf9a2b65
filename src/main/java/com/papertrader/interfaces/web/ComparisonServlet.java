package com.papertrader.interfaces.web;

import com.papertrader.application.reporting.AccountQueries;
import com.papertrader.application.reporting.AgentQueries;
import com.papertrader.application.reporting.AgentSummary;
import com.papertrader.application.reporting.LiveStatistics;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /compare: every agent with an account side by side, its equity curve overlaid on the others' and one table of the
 * statistics a backtest reports ({@link LiveStatistics}), each since its account opened or was last reset.
 */
@WebServlet("/compare")
public class ComparisonServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    AgentQueries agents;

    @Inject
    AccountQueries accounts;

    @Inject
    LiveStatistics statistics;

    /** One agent's line of the comparison. */
    public record Row(AgentSummary agent, Account account, LiveStatistics.Report report) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Row> rows = agents.agents().stream()
                .flatMap(summary -> account(summary).map(account -> new Row(summary, account, statistics.of(account))).stream())
                .toList();
        pages.render("agents/compare", Map.of("rows", rows), request, response);
    }

    private Optional<Account> account(AgentSummary summary) {
        return AccountId.tryParse(summary.agent().getAccountId()).flatMap(accounts::account);
    }
}
