package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed logins from one address over HTTP: five are answered 401, then the address waits (429 with Retry-After,
 * for HTTP Basic and the login form alike, the right password included), while a credential verified before goes
 * on working. Its own deployment, so the throttled address (this machine) holds up no other test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoginThrottleIT {

    private static final HttpClient PLAIN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anAddressThatKeepsFailingWaitsAndAVerifiedCredentialGoesOn() throws Exception {
        assertEquals(200, status(Http.adminBasicAuth()), "verified once, before the failures");
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> wrong = send(basic(Http.ADMIN_USER, "wrong-" + i));
            assertEquals(401, wrong.statusCode(), "failure " + i + ": " + wrong.body());
        }

        HttpResponse<String> held = send(basic(Http.ADMIN_USER, "wrong-6"));
        assertEquals(429, held.statusCode(), held.body());
        long retryAfter = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertTrue(Http.json(held).getString("error").startsWith("too many failed logins from this address; try again in "), held.body());
        assertEquals("nosniff", held.headers().firstValue("X-Content-Type-Options").orElse(null), "the security headers too");

        HttpResponse<String> form = new FormClient(base).logIn(Http.ADMIN_USER, "wrong-7");
        assertEquals(429, form.statusCode(), form.body());
        assertTrue(form.body().contains("Too many failed logins from your address: try again in "), form.body());
        assertTrue(form.headers().firstValue("Retry-After").isPresent());
        assertTrue(!form.body().contains("wrong-7"), "the password typed is never shown back");
        assertEquals(200, status(Http.adminBasicAuth()), "a credential verified a moment ago costs no hash and is not held up");
    }

    private int status(String authorization) throws Exception {
        return send(authorization).statusCode();
    }

    private HttpResponse<String> send(String authorization) throws Exception {
        return PLAIN.send(HttpRequest.newBuilder(URI.create(base.toExternalForm().replaceAll("/$", "") + "/api/status"))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
