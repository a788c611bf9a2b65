package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Login, the admin role on changes, CSRF tokens and the security headers, over HTTP against the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityIT {

    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (HttpResponse<String> response : List.of(Http.get(base, "/"), Http.get(base, "/login"),
                Http.get(base, "/api/status"), Http.get(base, "/no-such-page"),
                send("POST", "/api/status", null))) {
            String where = response.request().method() + " " + response.uri() + " " + response.statusCode();
            assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "frame-ancestors 'none'; form-action 'self'",
                    response.headers().firstValue("Content-Security-Policy").orElse(null), where);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null), where);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null), where);
            assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(null), where);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> page = Http.get(base, "/login");

        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertTrue(page.body().contains("<meta name=\"_csrf\" content=\""), "the layout carries the token");
        assertTrue(page.body().contains("id=\"login-link\""), "the layout links to the login");
    }

    @Test
    void changesWithoutALoginAreRefusedWithoutABasicChallenge() throws Exception {
        HttpResponse<String> api = send("POST", "/api/status", null);
        assertEquals(401, api.statusCode());
        assertTrue(api.headers().firstValue("WWW-Authenticate").isEmpty(), "no challenge: " + api.headers());

        HttpResponse<String> delete = send("DELETE", "/api/status", null);
        assertEquals(401, delete.statusCode());

        FormClient browser = new FormClient(base);
        browser.get("/");
        HttpResponse<String> form = browser.post("/admin/agents/new", Map.of("name", "never"));
        assertEquals(302, form.statusCode());
        assertTrue(form.headers().firstValue("Location").orElse("").contains("/login?next=%2Fadmin%2Fagents%2Fnew"),
                form.headers().toString());

        HttpResponse<String> adminPage = browser.get("/admin/agents");
        assertEquals(302, adminPage.statusCode(), "admin pages need the login, even to read");
    }

    @Test
    void theLoginFormAcceptsTheAdminOnlyWithTheRightPassword() throws Exception {
        FormClient browser = new FormClient(base);
        browser.get("/login?next=/admin/agents");

        HttpResponse<String> wrong = browser.post("/login", Map.of("username", Http.ADMIN_USER, "password", "wrong",
                "next", "/admin/agents"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("Wrong user name or password."), wrong.body());
        assertTrue(wrong.body().contains("value=\"admin\""), "the user name is kept");
        assertEquals(302, browser.get("/admin/agents").statusCode(), "still not logged in");

        HttpResponse<String> right = browser.post("/login", Map.of("username", Http.ADMIN_USER,
                "password", Http.ADMIN_PASSWORD, "next", "/admin/agents"));
        assertEquals(302, right.statusCode(), right.body());
        assertEquals("/admin/agents", URI.create(right.headers().firstValue("Location").orElseThrow()).getPath());

        HttpResponse<String> admin = browser.get("/admin/agents");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("id=\"logout\""), "the layout offers the logout");

        assertEquals(302, browser.post("/logout", Map.of()).statusCode());
        assertEquals(302, browser.get("/admin/agents").statusCode(), "logged out");
    }

    @Test
    void aLoginRedirectNeverLeavesTheSite() throws Exception {
        for (String next : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
            FormClient browser = new FormClient(base);
            browser.get("/login");
            HttpResponse<String> in = browser.post("/login", Map.of("username", Http.ADMIN_USER,
                    "password", Http.ADMIN_PASSWORD, "next", next));
            assertEquals(302, in.statusCode());
            URI location = URI.create(in.headers().firstValue("Location").orElseThrow());
            assertTrue(location.getHost() == null || location.getHost().equals(base.getHost()), next + " -> " + location);
            assertEquals("/", location.getPath(), next + " -> " + location);
        }
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        FormClient browser = new FormClient(base);
        browser.get("/login");
        HttpResponse<String> loginWithoutToken = browser.postExactly("/login",
                Map.of("username", Http.ADMIN_USER, "password", Http.ADMIN_PASSWORD));
        assertEquals(403, loginWithoutToken.statusCode(), "a login from another site's page is refused too");

        assertEquals(302, browser.logIn().statusCode());
        String token = browser.csrf();
        browser.get("/admin/agents");
        assertFalse(token.equals(browser.csrf()), "the login gave the session a new token");

        assertEquals(403, browser.postExactly("/admin/agents/new", Map.of("name", "csrf-less")).statusCode());
        assertEquals(403, browser.postExactly("/admin/agents/new", Map.of("name", "csrf-wrong", "_csrf", token)).statusCode());
        assertEquals(403, browser.postExactly("/logout", Map.of()).statusCode());
        assertEquals(200, browser.get("/admin/agents").statusCode(), "still logged in");

        HttpResponse<String> byHeader = browser.postWithTokenHeader("/admin/agents/no-such-agent/pause");
        assertEquals(404, byHeader.statusCode(), "the header token passes the check; the agent does not exist");
    }

    @Test
    void scriptsUseBasicCredentialsWithoutCsrfTokens() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes());
        HttpResponse<String> refused = send("POST", "/api/status", wrong);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty(), refused.headers().toString());
        assertEquals(401, send("GET", "/api/status", "Basic !!!").statusCode(), "malformed Basic is refused");

        HttpResponse<String> admin = send("POST", "/api/status", Http.adminBasicAuth());
        assertEquals(405, admin.statusCode(), "past authentication and CSRF: status simply has no POST");
        assertEquals(200, send("GET", "/admin/agents", Http.adminBasicAuth()).statusCode());
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return PLAIN.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
