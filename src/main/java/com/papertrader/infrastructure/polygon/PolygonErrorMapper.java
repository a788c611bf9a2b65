package com.papertrader.infrastructure.polygon;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Hands every 4xx/5xx answer to the feed as status and body, so the translator can explain it. */
public class PolygonErrorMapper implements ResponseExceptionMapper<PolygonHttpException> {

    @Override
    public PolygonHttpException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return new PolygonHttpException(response.getStatus(), body);
    }
}
