package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import com.papertrader.it.ItDatabase;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With security.read-requires-login=true, reading needs a login too (the admin's or the viewer's); the login page,
 * health and static files do not. The viewer reads everything and changes nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateReadingIT {

    private static final String VIEWER_USER = "viewer";
    private static final String VIEWER_PASSWORD = "it-viewer-Pa55";
    /** VIEWER_PASSWORD hashed with PasswordHash.of(..., 1000, ...): cheap, as the admin's test hash. */
    private static final String VIEWER_PASSWORD_HASH =
            "pbkdf2-sha256$1000$S1LbYmhSSn15q0sXW5xuVA$e/AvjM7X0ZEIVfh4oYdvVQSMvYJrpwuxCmHzlerveAM";
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "private-reading-config.jar")
                // A database of its own: the admin's part creates an agent, which the other tests must not see.
                .addAsResource(new StringAsset("config_ordinal=500\nsecurity.read-requires-login=true\n"
                                + "viewer.password-hash=" + VIEWER_PASSWORD_HASH + "\n"
                                + ItDatabase.ownDatabase("private-reading-it-" + RUN)),
                        "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @Test
    void readingNeedsTheLogin() throws Exception {
        FormClient anonymous = new FormClient(base);
        HttpResponse<String> overview = anonymous.get("/");
        assertEquals(302, overview.statusCode());
        assertTrue(overview.headers().firstValue("Location").orElse("").contains("/login?next=%2F"), overview.headers().toString());
        HttpResponse<String> orders = anonymous.get("/orders");
        assertEquals(302, orders.statusCode());
        assertTrue(orders.headers().firstValue("Location").orElse("").contains("/login?next=%2Forders"), orders.headers().toString());
        assertEquals(401, Http.get(base, "/api/status").statusCode());
        assertEquals(200, anonymous.get("/login").statusCode());
        assertEquals(200, Http.get(base, "/health").statusCode());
        assertEquals(200, Http.get(base, "/static/css/app.css").statusCode());

        FormClient admin = new FormClient(base);
        assertEquals(302, admin.logIn().statusCode());
        assertEquals(200, admin.get("/").statusCode());
        assertEquals(200, send("GET", "/api/status", Http.adminBasicAuth()).statusCode());
    }

    @Test
    void theViewerReadsEveryPageAndTheApiByForm() throws Exception {
        FormClient viewer = new FormClient(base);
        HttpResponse<String> login = viewer.logIn(VIEWER_USER, VIEWER_PASSWORD);
        assertEquals(302, login.statusCode(), login.body());

        HttpResponse<String> overview = viewer.get("/");
        assertEquals(200, overview.statusCode());
        assertTrue(overview.body().contains("<h1>Overview</h1>"), overview.body());
        assertTrue(overview.body().contains("id=\"session-user\">viewer</span>"), "the viewer is shown as logged in");
        assertTrue(overview.body().contains("id=\"logout\""), "and can log out");
        assertFalse(overview.body().contains("id=\"nav-admin\""), "no Admin link for the viewer");
        HttpResponse<String> orders = viewer.get("/orders");
        assertEquals(200, orders.statusCode());
        assertTrue(orders.body().contains("<h1>Orders</h1>"), orders.body());
        HttpResponse<String> backtestForm = viewer.get("/backtests/new");
        assertEquals(200, backtestForm.statusCode());
        assertTrue(backtestForm.body().contains("id=\"backtest-needs-admin\""), "the viewer is told, not offered a button that is refused");
        assertFalse(backtestForm.body().contains("Run backtest</button>"), backtestForm.body());
        HttpResponse<String> status = viewer.get("/api/status");
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("simulated", Http.json(status).getString("feed"));

        HttpResponse<String> logout = viewer.post("/logout", Map.of());
        assertEquals(302, logout.statusCode(), "logging out is not a change that needs the admin");
        assertEquals(302, viewer.get("/orders").statusCode(), "after the logout reading needs the login again");
    }

    @Test
    void theViewerReadsByHttpBasic() throws Exception {
        HttpResponse<String> orders = send("GET", "/orders", viewerBasicAuth());
        assertEquals(200, orders.statusCode());
        assertTrue(orders.body().contains("<h1>Orders</h1>"), orders.body());
        assertFalse(orders.body().contains("id=\"nav-admin\""), "no Admin link for the viewer");
        assertTrue(send("GET", "/", viewerBasicAuth()).body().contains("<h1>Overview</h1>"));
        HttpResponse<String> status = send("GET", "/api/status", viewerBasicAuth());
        assertEquals(200, status.statusCode(), status.body());
        assertEquals("simulated", Http.json(status).getString("feed"));
        String wrong = "Basic " + Base64.getEncoder().encodeToString((VIEWER_USER + ":" + Http.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(401, send("GET", "/api/status", wrong).statusCode(), "the admin's password is not the viewer's");
    }

    @Test
    void theViewerChangesNothingWhileTheAdminStillCan() throws Exception {
        String id = "viewer-refused-" + RUN;
        FormClient viewer = new FormClient(base);
        assertEquals(302, viewer.logIn(VIEWER_USER, VIEWER_PASSWORD).statusCode());

        HttpResponse<String> adminPage = viewer.get("/admin/agents");
        assertEquals(403, adminPage.statusCode(), "refused, not sent round to /login: " + adminPage.headers());
        assertTrue(adminPage.body().contains("<h1>Not allowed</h1>"), "the error page: " + adminPage.body());
        assertTrue(adminPage.body().contains("&#39;viewer&#39; may read but not change anything: this needs the admin login."),
                adminPage.body());
        assertTrue(adminPage.body().contains("id=\"logout\""), "the viewer can still log out from there");
        assertFalse(adminPage.body().contains("id=\"nav-admin\""), adminPage.body());
        viewer.get("/orders");
        assertTrue(viewer.csrf() != null, "the viewer's page carries the session's CSRF token");
        HttpResponse<String> formPost = viewer.post("/admin/agents/new", AdminAgentsIT.agentForm(id, "Viewer test " + RUN, "AAPL"));
        assertEquals(403, formPost.statusCode(), "a valid token, so it is the role that refuses");
        assertEquals(403, send("GET", "/admin/agents", viewerBasicAuth()).statusCode());
        assertEquals(403, send("POST", "/admin/agents/new", viewerBasicAuth()).statusCode());
        HttpResponse<String> apiChange = send("POST", "/api/backtests/no-such-run/cancel", viewerBasicAuth());
        assertEquals(403, apiChange.statusCode());
        assertEquals("'viewer' may read but not change anything: this needs the admin login.",
                Http.json(apiChange).getString("error"));
        HttpResponse<String> forged = viewer.postExactly("/logout", Map.of());
        assertEquals(403, forged.statusCode(), "a logout without the token is still refused");
        assertTrue(forged.body().contains("The form had expired or did not come from this site"), forged.body());

        FormClient admin = new FormClient(base);
        assertEquals(302, admin.logIn().statusCode());
        HttpResponse<String> list = admin.get("/admin/agents");
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains("id=\"nav-admin\""), "the admin sees the Admin link");
        assertFalse(list.body().contains("agent-" + id), "the viewer's post saved nothing");
        admin.get("/admin/agents/new");
        assertEquals(302, admin.post("/admin/agents/new", AdminAgentsIT.agentForm(id, "Viewer test " + RUN, "AAPL")).statusCode());
        assertTrue(admin.get("/admin/agents").body().contains("agent-" + id), "the admin's post saved the agent");
        assertEquals(404, send("POST", "/api/backtests/no-such-run/cancel", Http.adminBasicAuth()).statusCode(),
                "the admin gets past the role check to the resource");
    }

    private static String viewerBasicAuth() {
        return "Basic " + Base64.getEncoder().encodeToString((VIEWER_USER + ":" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + path))
                .header("Authorization", authorization).method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
