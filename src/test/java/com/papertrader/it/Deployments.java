package com.papertrader.it;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Every integration test deploys the WAR that `mvn package` built, so what is tested is what ships. */
public final class Deployments {

    private Deployments() {
    }

    /**
     * The servlet through which Arquillian runs in-container tests answers with POSTs it cannot authenticate, while the
     * WAR lets no unauthenticated POST through: this test-only web fragment leaves just that servlet's path open.
     */
    private static final String OPEN_TEST_RUNNER = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <name>open_arquillian_runner</name>
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>Arquillian in-container test runner</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-fragment>
            """;

    /** The packaged WAR; add the test class itself for in-container tests. */
    public static WebArchive war() {
        String path = System.getProperty("project.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("project.war does not name the packaged WAR (run through mvn verify): " + path);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path))
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "open-arquillian-runner.jar")
                        .addAsManifestResource(new StringAsset(OPEN_TEST_RUNNER), "web-fragment.xml"));
    }

    /** The test server's root URL, for tests that deploy by hand (Arquillian injects it otherwise). */
    public static URL baseUrl() {
        try {
            return URI.create("http://127.0.0.1:" + System.getProperty("it.http-port", "8080") + "/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
