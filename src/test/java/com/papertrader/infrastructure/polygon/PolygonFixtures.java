package com.papertrader.infrastructure.polygon;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads src/test/resources/fixtures/polygon/*. */
final class PolygonFixtures {

    private PolygonFixtures() {
    }

    static String text(String name) {
        try (InputStream in = PolygonFixtures.class.getResourceAsStream("/fixtures/polygon/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses like the REST client does: a body that is not JSON throws jakarta.json.JsonException. */
    static JsonObject json(String name) {
        try (JsonReader reader = Json.createReader(new StringReader(text(name)))) {
            return reader.readObject();
        }
    }
}
