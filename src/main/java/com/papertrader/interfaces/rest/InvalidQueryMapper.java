package com.papertrader.interfaces.rest;

import com.papertrader.application.reporting.InvalidQueryException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A filter or paging parameter that cannot be read is the caller's mistake: 400 with a message naming it. */
@Provider
public class InvalidQueryMapper implements ExceptionMapper<InvalidQueryException> {

    @Override
    public Response toResponse(InvalidQueryException e) {
        return ApiErrors.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
