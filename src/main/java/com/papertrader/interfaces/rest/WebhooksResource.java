package com.papertrader.interfaces.rest;

import static com.papertrader.interfaces.rest.JsonValues.JSON;

import com.papertrader.application.notification.InvalidWebhookException;
import com.papertrader.application.notification.NotificationType;
import com.papertrader.application.notification.Webhook;
import com.papertrader.application.notification.WebhookDelivery;
import com.papertrader.application.notification.Webhooks;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Webhooks, admin only (web.xml): GET /api/webhooks; POST /api/webhooks with {"name", "url", "events": ["fill", ...],
 * "secret", "format": "JSON" or "CHAT"} (201, or 400 with {"error", "field"}); DELETE /api/webhooks/{id};
 * POST /api/webhooks/{id}/test (202: a test delivery is on its way); GET /api/webhooks/{id}/deliveries, the delivery
 * log, newest first, paged. The secret is never answered, and of the URL only its scheme, host and port.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    @Inject
    Webhooks webhooks;

    @GET
    public JsonObject list() {
        return JSON.createObjectBuilder().add("webhooks", TradingJson.array(webhooks.all(), WebhooksResource::json))
                .add("events", JSON.createArrayBuilder(Webhooks.subscribable().stream().map(NotificationType::wireName).toList()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context HttpServletRequest caller) {
        try {
            JsonObject json = JSON.createReader(new StringReader(body == null ? "" : body)).readObject();
            Webhook created = webhooks.create(new Webhooks.Request(text(json, "name"), text(json, "url"), events(json),
                    text(json, "secret"), text(json, "format")), Set.of(caller.getLocalPort()), Callers.actor(caller));
            return Response.status(Response.Status.CREATED).header("Location", "webhooks/" + created.getId()).entity(json(created)).build();
        } catch (JsonParsingException | ClassCastException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
        } catch (InvalidWebhookException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, e.field(), e.getMessage());
        }
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return webhooks.webhook(id).map(WebhooksResource::json).orElseThrow(() -> ApiErrors.notFound("There is no webhook " + id + "."));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpServletRequest caller) {
        if (!webhooks.delete(id, Callers.actor(caller))) {
            throw ApiErrors.notFound("There is no webhook " + id + ".");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/test")
    public Response test(@PathParam("id") String id, @Context HttpServletRequest caller) {
        if (!webhooks.test(id, Callers.actor(caller))) {
            throw ApiErrors.notFound("There is no webhook " + id + ".");
        }
        return Response.accepted(JSON.createObjectBuilder().add("deliveries", "/api/webhooks/" + id + "/deliveries").build()).build();
    }

    @GET
    @Path("{id}/deliveries")
    public JsonObject deliveries(@PathParam("id") String id, @Context UriInfo uri) {
        get(id);
        return TradingJson.page(webhooks.deliveries(id, PageRequest.parse(uri.getQueryParameters()::getFirst)), WebhooksResource::json);
    }

    private static JsonObject json(Webhook webhook) {
        return JSON.createObjectBuilder().add("id", webhook.getId()).add("name", webhook.getName()).add("url", webhook.getShownUrl())
                .add("events", JSON.createArrayBuilder(webhook.getEvents().stream().map(NotificationType::wireName).toList()))
                .add("format", webhook.getFormat().name()).add("createdAt", webhook.getCreatedAt().toString())
                .add("createdBy", webhook.getCreatedBy()).build();
    }

    private static JsonObject json(WebhookDelivery delivery) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", delivery.getId()).add("event", delivery.getEvent().wireName())
                .add("summary", delivery.getSummary()).add("createdAt", delivery.getCreatedAt().toString())
                .add("status", delivery.getStatus().name()).add("attempts", delivery.getAttempts());
        time(json, "lastAttemptAt", delivery.getLastAttemptAt());
        json.add("lastResult", delivery.getLastResult().<JsonValue>map(JSON::createValue).orElse(JsonValue.NULL));
        time(json, "nextAttemptAt", delivery.getNextAttemptAt());
        time(json, "deliveredAt", delivery.getDeliveredAt());
        return json.build();
    }

    private static void time(JsonObjectBuilder json, String key, Optional<Instant> value) {
        json.add(key, value.<JsonValue>map(at -> JSON.createValue(at.toString())).orElse(JsonValue.NULL));
    }

    private static String text(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonString string ? string.getString() : null;
    }

    /** {@code "events": ["fill", "feed_down"]} or {@code "fill,feed_down"}. */
    private static List<String> events(JsonObject json) {
        JsonValue value = json.get("events");
        if (value instanceof JsonArray array) {
            return array.stream().map(item -> item instanceof JsonString string ? string.getString() : item.toString()).toList();
        }
        return value instanceof JsonString string ? List.of(string.getString().split(",")) : List.of();
    }
}
