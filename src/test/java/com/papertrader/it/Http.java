package com.papertrader.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A small HTTP client for tests that talk to the deployed application as a browser or script would. */
public final class Http {

    /** The admin login of the test server (arquillian.xml sets its hash as admin.password-hash). */
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-Pa55";

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    public static HttpResponse<String> get(URL base, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base.toExternalForm().replaceAll("/$", "") + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as the admin over HTTP Basic. */
    public static HttpResponse<String> getAsAdmin(URL base, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base.toExternalForm().replaceAll("/$", "") + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", adminBasicAuth())
                .GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The audit trail's entries about {@code subject} (e.g. "agent x"), newest first, as the admin reads them. */
    public static List<JsonObject> audited(URL base, String subject) throws IOException, InterruptedException {
        HttpResponse<String> audit = getAsAdmin(base, "/api/audit?size=500");
        if (audit.statusCode() != 200) {
            throw new AssertionError("GET /api/audit answered " + audit.statusCode() + ": " + audit.body());
        }
        return json(audit).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(entry -> entry.getString("subject").equals(subject)).toList();
    }

    /** The Authorization header a script sends to change things through /api. */
    public static String adminBasicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((ADMIN_USER + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** A POST without a body, as the admin over HTTP Basic. */
    public static HttpResponse<String> postAsAdmin(URL base, String path) throws IOException, InterruptedException {
        return postAsAdmin(base, path, "", "application/json");
    }

    /** POSTs a body as the admin, with HTTP Basic (as a script would). */
    public static HttpResponse<String> postAsAdmin(URL base, String path, String body, String contentType)
            throws IOException, InterruptedException {
        URI uri = URI.create(base.toExternalForm().replaceAll("/$", "") + path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", adminBasicAuth()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A DELETE as the admin, with HTTP Basic. */
    public static HttpResponse<String> deleteAsAdmin(URL base, String path) throws IOException, InterruptedException {
        URI uri = URI.create(base.toExternalForm().replaceAll("/$", "") + path);
        return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", adminBasicAuth())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A multipart/form-data body as a browser sends a form with a file: the fields (in order; a null value is left
     * out), then the file. Returns {content type with its boundary, body}.
     */
    public static String[] multipart(Map<String, String> fields, String fileField, String fileName, String fileContent) {
        String boundary = "----papertrader" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value != null) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                        .append("\"\r\n\r\n").append(value).append("\r\n");
            }
        });
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n")
                .append(fileContent).append("\r\n--").append(boundary).append("--\r\n");
        return new String[] {"multipart/form-data; boundary=" + boundary, body.toString()};
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
