package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditEntry;
import com.papertrader.application.reporting.PageRequest;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** GET /api/audit: the audit trail, newest first, paged ({@code page}, {@code size}); admin only (web.xml). */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    Audit audit;

    @GET
    public JsonObject list(@Context UriInfo uri) {
        return TradingJson.page(audit.newestFirst(PageRequest.parse(uri.getQueryParameters()::getFirst)), AuditResource::json);
    }

    private static JsonObject json(AuditEntry entry) {
        return JSON.createObjectBuilder()
                .add("id", entry.getId().longValue())
                .add("at", entry.getOccurredAt().toString())
                .add("user", entry.getUser())
                .add("address", entry.getAddress())
                .add("action", entry.getAction().name())
                .add("subject", entry.getSubject())
                .add("details", entry.getDetails())
                .build();
    }
}
