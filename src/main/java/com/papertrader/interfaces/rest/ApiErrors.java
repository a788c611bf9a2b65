package com.papertrader.interfaces.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/** Errors of the JSON API as {@code {"error": "<what was wrong>"}} with their status, never an HTML error page. */
final class ApiErrors {

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

    private static WebApplicationException error(Response.Status status, String message) {
        return new WebApplicationException(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonValues.JSON.createObjectBuilder().add("error", message).build()).build());
    }
}
