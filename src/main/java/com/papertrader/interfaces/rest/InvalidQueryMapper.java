package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.InvalidQueryException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A filter or paging parameter that cannot be read is the caller's mistake: 400 with a message naming it. */
@Provider
public class InvalidQueryMapper implements ExceptionMapper<InvalidQueryException> {

    @Override
    public Response toResponse(InvalidQueryException e) {
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", e.getMessage()).build())
                .build();
    }
}
