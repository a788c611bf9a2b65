package com.papertrader.infrastructure.polygon;

/**
 * A non-2xx answer from Polygon, as the REST client hands it over: the status and the raw body (JSON or HTML).
 * {@link PolygonAggregatesTranslator#error} turns it into a FeedException.
 */
public class PolygonHttpException extends Exception {

    private final int status;
    private final String body;

    public PolygonHttpException(int status, String body) {
        super("HTTP " + status);
        this.status = status;
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
