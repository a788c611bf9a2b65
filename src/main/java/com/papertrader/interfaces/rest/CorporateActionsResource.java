package com.papertrader.interfaces.rest;

import com.papertrader.application.ingest.CorporateActionStore;
import com.papertrader.application.ingest.CorporateActionStore.KnownAction;
import com.papertrader.domain.market.CashDividend;
import com.papertrader.domain.market.Split;
import com.papertrader.domain.market.Ticker;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Optional;

/**
 * GET /api/corporate-actions?ticker=: the splits and cash dividends known for the followed tickers, oldest effective
 * date first, each with when it was received and when live trading applied it (null until then). Numbers as strings.
 */
@Path("corporate-actions")
@Produces(MediaType.APPLICATION_JSON)
public class CorporateActionsResource {

    @Inject
    CorporateActionStore corporateActions;

    @GET
    public JsonObject list(@QueryParam("ticker") String ticker) {
        Optional<String> only = ApiErrors.validated(() -> ticker == null || ticker.isBlank()
                ? Optional.<String>empty() : Optional.of(Ticker.parse(ticker).symbol()));
        JsonArrayBuilder actions = JsonValues.JSON.createArrayBuilder();
        corporateActions.all().stream().filter(known -> only.map(known.action().ticker()::equals).orElse(true))
                .forEach(known -> actions.add(json(known)));
        return JsonValues.JSON.createObjectBuilder().add("corporateActions", actions).build();
    }

    private static JsonObject json(KnownAction known) {
        JsonObjectBuilder json = JsonValues.JSON.createObjectBuilder()
                .add("id", known.action().key())
                .add("ticker", known.action().ticker())
                .add("effectiveDate", known.action().effectiveDate().toString())
                .add("description", known.action().describe())
                .add("receivedAt", known.receivedAt().toString());
        if (known.action() instanceof Split split) {
            json.add("kind", "SPLIT").add("splitFrom", split.splitFrom().toPlainString()).add("splitTo", split.splitTo().toPlainString());
        } else if (known.action() instanceof CashDividend dividend) {
            json.add("kind", "DIVIDEND").add("cashAmount", dividend.cashAmount().toPlainString()).add("currency", dividend.currency());
            if (dividend.payDate() == null) {
                json.addNull("payDate");
            } else {
                json.add("payDate", dividend.payDate().toString());
            }
        }
        instant(json, "appliedAt", known.appliedAt());
        instant(json, "withdrawnAt", known.withdrawnAt());
        return json.add("inForce", known.isInForce()).build();
    }

    private static void instant(JsonObjectBuilder json, String name, Instant at) {
        if (at == null) {
            json.addNull(name);
        } else {
            json.add(name, at.toString());
        }
    }
}
