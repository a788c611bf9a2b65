package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.AccountQueries;
import com.papertrader.application.reporting.LiveStatistics;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.domain.agent.Agent;
import com.papertrader.domain.trading.portfolio.Account;
import com.papertrader.domain.trading.portfolio.AccountId;
import com.papertrader.domain.trading.portfolio.EquitySnapshot;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * GET /api/accounts, /api/accounts/{id} (cash, equity, buying power, P&amp;L, the agents trading in it and, for one
 * account, its statistics since it opened or was last reset: {@link LiveStatistics}),
 * /api/accounts/{id}/equity?limit= (the newest points of its equity curve, oldest first) and /api/accounts/{id}/ledger
 * (its cash movements, newest first, paged). Money as strings. POST /api/accounts/{id}/release-lock (admin) releases
 * its drawdown lock.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    @Inject
    AccountQueries queries;

    @Inject
    TradingDesk desk;

    @Inject
    LiveStatistics statistics;

    @GET
    public JsonObject accounts() {
        Map<String, List<Agent>> agents = queries.agentsByAccount();
        JsonArrayBuilder accounts = JsonValues.JSON.createArrayBuilder();
        queries.accounts().forEach(account -> accounts.add(json(account, agents.getOrDefault(account.id(), List.of()))));
        return JsonValues.JSON.createObjectBuilder().add("accounts", accounts).build();
    }

    @GET
    @Path("{id}")
    public JsonObject account(@PathParam("id") String id) {
        Account account = find(id);
        return JsonValues.JSON.createObjectBuilder(json(account, queries.agentsByAccount().getOrDefault(id, List.of())))
                .add("statistics", TradingJson.statistics(statistics.of(account))).build();
    }

    @GET
    @Path("{id}/equity")
    public JsonObject equity(@PathParam("id") String id, @QueryParam("limit") String limit) {
        int count = ApiErrors.validated(() -> BarQuery.limit(limit));
        Account account = find(id);
        JsonArrayBuilder points = JsonValues.JSON.createArrayBuilder();
        for (EquitySnapshot point : queries.equityCurve(AccountId.of(account.id()), count)) {
            points.add(JsonValues.JSON.createObjectBuilder()
                    .add("time", point.takenAt().toString())
                    .add("equity", JsonValues.decimal(point.equity()))
                    .add("cash", JsonValues.decimal(point.cash()))
                    .add("marketValue", JsonValues.decimal(point.marketValue()))
                    .add("realizedPnl", JsonValues.decimal(point.realizedPnl()))
                    .add("unrealizedPnl", JsonValues.decimal(point.unrealizedPnl()))
                    .add("dayPnl", JsonValues.decimal(point.dayPnl())));
        }
        return JsonValues.JSON.createObjectBuilder().add("account", account.id()).add("points", points).build();
    }

    /** The account's cash movements, newest first, paged (page, size): each with kind, amount and what caused it. */
    @GET
    @Path("{id}/ledger")
    public JsonObject ledger(@PathParam("id") String id, @Context UriInfo uri) {
        Account account = find(id);
        var parameters = uri.getQueryParameters();
        return TradingJson.page(queries.ledger(AccountId.of(account.id()), PageRequest.parse(parameters::getFirst)),
                entry -> {
                    JsonObjectBuilder json = JsonValues.JSON.createObjectBuilder()
                            .add("id", entry.id())
                            .add("time", entry.occurredAt().toString())
                            .add("kind", entry.kind().name())
                            .add("amount", JsonValues.decimal(entry.amount()))
                            .add("description", entry.description());
                    return (entry.reference() == null ? json.addNull("reference") : json.add("reference", entry.reference())).build();
                });
    }

    /** Admin: releases the account's drawdown lock (409 when it is not locked); answers the account as it is then. */
    @POST
    @Path("{id}/release-lock")
    public JsonObject releaseLock(@PathParam("id") String id, @Context HttpServletRequest caller) {
        Account account = find(id);
        try {
            desk.releaseDrawdownLock(AccountId.of(account.id()), Callers.actor(caller));
        } catch (AgentChangeRefused refused) {
            throw ApiErrors.conflict(refused.getMessage());
        }
        return account(id);
    }

    private Account find(String id) {
        return AccountId.tryParse(id).flatMap(queries::account).orElseThrow(() -> ApiErrors.notFound("no account '" + id + "'"));
    }

    private static JsonObject json(Account account, List<Agent> agents) {
        JsonArrayBuilder traders = JsonValues.JSON.createArrayBuilder();
        agents.forEach(agent -> traders.add(JsonValues.JSON.createObjectBuilder()
                .add("id", agent.getId().value()).add("name", agent.getName()).add("state", agent.getState().name())));
        JsonObjectBuilder json = JsonValues.JSON.createObjectBuilder()
                .add("id", account.id())
                .add("startingCash", JsonValues.decimal(account.startingCash()))
                .add("cash", JsonValues.decimal(account.cash()))
                .add("equity", JsonValues.decimal(account.equity()))
                .add("buyingPower", JsonValues.decimal(account.buyingPower()))
                .add("longMarketValue", JsonValues.decimal(account.longMarketValue()))
                .add("shortMarketValue", JsonValues.decimal(account.shortMarketValue()))
                .add("realizedPnl", JsonValues.decimal(account.realizedPnl()))
                .add("unrealizedPnl", JsonValues.decimal(account.unrealizedPnl()))
                .add("dayPnl", JsonValues.decimal(account.dayPnl()))
                .add("peakEquity", JsonValues.decimal(account.peakEquity()))
                .add("valuedAt", account.valuedAt().toString())
                .add("agents", traders);
        if (account.isLocked()) {
            json.add("lockedAt", account.lockedAt().toString()).add("lockReason", account.lockReason());
        } else {
            json.addNull("lockedAt").addNull("lockReason");
        }
        return json.build();
    }
}
