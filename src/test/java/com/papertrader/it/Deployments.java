package com.papertrader.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Every integration test deploys the WAR that `mvn package` built, so what is tested is what ships. */
public final class Deployments {

    private Deployments() {
    }

    /** The packaged WAR; add the test class itself for in-container tests. */
    public static WebArchive war() {
        String path = System.getProperty("project.war");
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException("project.war does not name the packaged WAR (run through mvn verify): " + path);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }
}
