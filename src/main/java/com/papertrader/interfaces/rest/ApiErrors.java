package com.papertrader.interfaces.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Errors of the JSON API as {@code {"error": "<what was wrong>"}} with their status, never an HTML error page: the one
 * place that writes that document (the resources, the exception mapper and the 403 page of {@code /api} use it).
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** The parser's value, or a 400 carrying the IllegalArgumentException's message. */
    static <T> T validated(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    static WebApplicationException badRequest(String message) {
        return error(Response.Status.BAD_REQUEST, message);
    }

    static WebApplicationException notFound(String message) {
        return error(Response.Status.NOT_FOUND, message);
    }

    static WebApplicationException conflict(String message) {
        return error(Response.Status.CONFLICT, message);
    }

    private static WebApplicationException error(Response.Status status, String message) {
        return new WebApplicationException(message, response(status, message));
    }

    /** The error response itself, for a resource that returns rather than throws. */
    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(document(message)).build();
    }

    /** An input refused: {@code {"error": message, "field": the key or form field at fault (null when none)}}. */
    static Response response(Response.Status status, String field, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(document(field, message)).build();
    }

    static JsonObject document(String field, String message) {
        JsonObjectBuilder json = JsonValues.JSON.createObjectBuilder(document(message));
        return (field == null ? json.addNull("field") : json.add("field", field)).build();
    }

    /** {@code {"error": message}}, for what answers outside JAX-RS (a servlet's error page for /api). */
    public static JsonObject document(String message) {
        return JsonValues.JSON.createObjectBuilder().add("error", message).build();
    }
}
