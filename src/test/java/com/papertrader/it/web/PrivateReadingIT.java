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

/** With security.read-requires-login=true, reading needs the login too; the login page, health and static files do not. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivateReadingIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war().addAsLibrary(ShrinkWrap.create(JavaArchive.class, "private-reading-config.jar")
                .addAsResource(new StringAsset("config_ordinal=500\nsecurity.read-requires-login=true\n"),
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
        assertEquals(401, Http.get(base, "/api/status").statusCode());
        assertEquals(200, anonymous.get("/login").statusCode());
        assertEquals(200, Http.get(base, "/health").statusCode());
        assertEquals(200, Http.get(base, "/static/css/app.css").statusCode());

        FormClient admin = new FormClient(base);
        assertEquals(302, admin.logIn().statusCode());
        assertEquals(200, admin.get("/").statusCode());
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base.toExternalForm().replaceAll("/$", "") + "/api/status"))
                .header("Authorization", Http.adminBasicAuth()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode());
    }
}
