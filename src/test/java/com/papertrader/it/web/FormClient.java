package com.papertrader.it.web;

import com.papertrader.it.Http;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the server can tell: keeps cookies, does not follow redirects (tests look at them), and posts
 * forms with the CSRF token of the last page it loaded, read from the layout's {@code <meta name="_csrf">}.
 */
public final class FormClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    private final URL base;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private String csrf;

    public FormClient(URL base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher meta = CSRF_META.matcher(response.body());
        if (meta.find()) {
            csrf = meta.group(1);
        }
        return response;
    }

    /** Posts the form fields plus the CSRF token of the last page loaded. */
    HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.putIfAbsent("_csrf", csrf);
        return postExactly(path, withToken);
    }

    /** Posts no body, sending the token as JavaScript's fetch does: header X-CSRF-Token. */
    HttpResponse<String> postWithTokenHeader(String path) throws IOException, InterruptedException {
        return client.send(request(path).header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts just these fields (no token added). */
    HttpResponse<String> postExactly(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .filter(field -> field.getValue() != null)
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher meta = CSRF_META.matcher(response.body());
        if (meta.find()) {
            csrf = meta.group(1);
        }
        return response;
    }

    /**
     * Posts a form with a file as a browser does (multipart/form-data), the CSRF token of the last page loaded as one
     * of its parts unless {@code withToken} is false.
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, boolean withToken, String fileField,
                                              String fileName, String fileContent) throws IOException, InterruptedException {
        Map<String, String> parts = new LinkedHashMap<>();
        if (withToken) {
            parts.put("_csrf", csrf);
        }
        parts.putAll(fields);
        String[] multipart = Http.multipart(parts, fileField, fileName, fileContent);
        return client.send(request(path).header("Content-Type", multipart[0])
                .POST(HttpRequest.BodyPublishers.ofString(multipart[1], StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in as the test server's admin through the login form; returns the redirect it answers with. */
    public HttpResponse<String> logIn() throws IOException, InterruptedException {
        return logIn(Http.ADMIN_USER, Http.ADMIN_PASSWORD);
    }

    /** Logs in through the login form; returns the redirect it answers with. */
    HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        get("/login");
        return post("/login", Map.of("username", username, "password", password));
    }

    String csrf() {
        return csrf;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + path)).timeout(Duration.ofSeconds(60));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
