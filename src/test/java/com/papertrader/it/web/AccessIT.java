package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import jakarta.json.JsonObject;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API tokens, the audit trail of what they and the forms do, log out everywhere, and malformed credentials, over HTTP. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessIT {

    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern SECRET = Pattern.compile("id=\"issued-secret\">(pt_[A-Za-z0-9_-]{43})<");
    private static final Pattern TOKEN_ID = Pattern.compile("id=\"token-(t[0-9a-f]{12})\"");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aTokenMadeOnTheAccessPageActsAsItsRoleUntilRevokedAndEveryChangeIsAudited() throws Exception {
        FormClient admin = new FormClient(base);
        assertEquals(302, admin.logIn().statusCode());
        admin.get("/admin/access");
        String adminToken = issue(admin, "deploy-bot", "ADMIN");
        String viewerToken = issue(admin, "dashboard", "VIEWER");
        assertFalse(admin.get("/admin/access").body().contains(adminToken), "shown once, never again");

        assertEquals(200, send("GET", "/api/status", "Bearer " + viewerToken).statusCode());
        assertEquals(403, send("POST", "/api/kill-switch/engage", "Bearer " + viewerToken).statusCode(), "a viewer token only reads");
        HttpResponse<String> engaged = send("POST", "/api/kill-switch/engage", "Bearer " + adminToken);
        assertEquals(200, engaged.statusCode(), engaged.body());
        assertEquals("token:deploy-bot", Http.json(engaged).getString("engagedBy"));
        admin.get("/admin/agents");
        assertEquals(302, admin.post("/admin/agents/kill-switch/release", Map.of()).statusCode());

        List<JsonObject> killSwitch = Http.audited(base, "kill switch");
        assertEquals(List.of("KILL_SWITCH_RELEASED", "KILL_SWITCH_ENGAGED"), killSwitch.stream().limit(2)
                .map(entry -> entry.getString("action")).toList());
        assertEquals(Http.ADMIN_USER, killSwitch.get(0).getString("user"), "released through the form");
        assertEquals("token:deploy-bot", killSwitch.get(1).getString("user"), "engaged with the token");
        String audit = admin.get("/admin/audit").body();
        assertTrue(audit.contains("KILL_SWITCH_ENGAGED") && audit.contains("token:deploy-bot"), audit);

        String page = admin.get("/admin/access").body();
        Matcher ids = TOKEN_ID.matcher(page);
        assertTrue(ids.find(), page);
        String newest = ids.group(1);
        assertTrue(admin.get("/admin/access/tokens/" + newest + "/revoke").body().contains("id=\"confirm\""), "revoking asks first");
        assertEquals(302, admin.post("/admin/access/tokens/" + newest + "/revoke", Map.of()).statusCode());
        assertEquals(401, send("GET", "/api/status", "Bearer " + viewerToken).statusCode(), "the newest, the viewer's, is revoked");
        assertEquals(200, send("GET", "/api/status", "Bearer " + adminToken).statusCode(), "the other still works");
        assertEquals(List.of("TOKEN_REVOKED", "TOKEN_CREATED"), Http.audited(base, "token " + newest).stream()
                .map(entry -> entry.getString("action")).toList());
    }

    @Test
    void theAuditTrailIsTheAdminsToRead() throws Exception {
        assertEquals(401, Http.get(base, "/api/audit").statusCode());
        FormClient admin = new FormClient(base);
        assertEquals(302, admin.logIn().statusCode());
        admin.get("/admin/access");
        String viewerToken = issue(admin, "reader", "VIEWER");

        assertEquals(403, send("GET", "/api/audit", "Bearer " + viewerToken).statusCode());
        assertEquals(200, Http.getAsAdmin(base, "/api/audit").statusCode());
        assertEquals(400, Http.getAsAdmin(base, "/api/audit?size=0").statusCode());
        assertEquals(400, admin.get("/admin/audit?page=x").statusCode());
    }

    @Test
    void malformedOrUnknownCredentialsAreAPlain401() throws Exception {
        String unknownToken = "pt_" + "A".repeat(43);
        for (String authorization : List.of("Bearer " + unknownToken, "Bearer xx_" + "A".repeat(43), "Bearer pt_short",
                "Bearer " + unknownToken + "A", "Bearer", "Digest username=\"admin\"", "Basic %%%not-base64%%%", basic("admin:"), basic("no colon"),
                basic(":"))) {
            HttpResponse<String> refused = send("GET", "/api/status", authorization);
            assertEquals(401, refused.statusCode(), authorization + ": " + refused.body());
            assertTrue(refused.headers().firstValue("WWW-Authenticate").isEmpty(), authorization);
        }
        assertEquals(200, send("GET", "/api/status", Http.adminBasicAuth()).statusCode(), "four failures do not throttle yet");
    }

    @Test
    void logOutEverywhereEndsEveryBrowserLoginButNotTokens() throws Exception {
        FormClient first = new FormClient(base);
        FormClient second = new FormClient(base);
        assertEquals(302, first.logIn().statusCode());
        assertEquals(302, second.logIn().statusCode());
        first.get("/admin/access");
        String token = issue(first, "survivor", "VIEWER");
        assertEquals(200, second.get("/admin/agents").statusCode());

        assertTrue(first.get("/admin/access/sessions/end").body().contains("Ends every browser login"));
        HttpResponse<String> ended = first.post("/admin/access/sessions/end", Map.of());
        assertEquals(302, ended.statusCode());
        assertTrue(ended.headers().firstValue("Location").orElse("").contains("/login"), ended.headers().toString());

        assertEquals(302, second.get("/admin/agents").statusCode(), "the other browser must log in again");
        assertEquals(302, first.get("/admin/agents").statusCode(), "and so must the admin who clicked");
        assertEquals(200, send("GET", "/api/status", "Bearer " + token).statusCode(), "tokens keep working");
        assertEquals(302, second.logIn().statusCode());
        assertEquals(200, second.get("/admin/agents").statusCode(), "a new login works");
        assertEquals("SESSIONS_ENDED", Http.audited(base, "browser logins").get(0).getString("action"));
    }

    /** Makes a token through the form; returns the secret the answer shows once. */
    static String issue(FormClient admin, String name, String role) throws Exception {
        HttpResponse<String> made = admin.post("/admin/access/tokens", Map.of("name", name, "role", role));
        assertEquals(200, made.statusCode(), made.body());
        assertEquals("no-store", made.headers().firstValue("Cache-Control").orElse(""));
        Matcher secret = SECRET.matcher(made.body());
        assertTrue(secret.find(), made.body());
        return secret.group(1);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return PLAIN.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
