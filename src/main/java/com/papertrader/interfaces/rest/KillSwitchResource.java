package com.papertrader.interfaces.rest;

import com.papertrader.application.StatusService;
import com.papertrader.application.SystemStatus;
import com.papertrader.application.trading.AgentChangeRefused;
import com.papertrader.application.trading.TradingDesk;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * The global kill switch: GET /api/kill-switch; POST /api/kill-switch/engage (admin; {@code ?flatten=true} also closes
 * every open position) and POST /api/kill-switch/release (admin), each answering the switch as it is then, or 409 when
 * it is engaged already / not engaged.
 */
@Path("kill-switch")
@Produces(MediaType.APPLICATION_JSON)
public class KillSwitchResource {

    @Inject
    TradingDesk desk;

    @Inject
    StatusService status;

    @GET
    public JsonObject get() {
        SystemStatus current = status.current();
        JsonObjectBuilder json = JsonValues.JSON.createObjectBuilder()
                .add("engaged", current.killSwitchEngagedBy() != null)
                .add("flattened", current.killSwitchFlattened());
        if (current.killSwitchEngagedBy() == null) {
            json.addNull("engagedBy").addNull("engagedAt");
        } else {
            json.add("engagedBy", current.killSwitchEngagedBy()).add("engagedAt", current.killSwitchEngagedAt().toString());
        }
        return json.build();
    }

    @POST
    @Path("engage")
    public JsonObject engage(@QueryParam("flatten") boolean flatten, @Context HttpServletRequest caller) {
        try {
            desk.engageKillSwitch(Callers.actor(caller), flatten);
        } catch (AgentChangeRefused refused) {
            throw ApiErrors.conflict(refused.getMessage());
        }
        return get();
    }

    @POST
    @Path("release")
    public JsonObject release(@Context HttpServletRequest caller) {
        try {
            desk.releaseKillSwitch(Callers.actor(caller));
        } catch (AgentChangeRefused refused) {
            throw ApiErrors.conflict(refused.getMessage());
        }
        return get();
    }
}
