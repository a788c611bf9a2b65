package com.papertrader.it.polygon;

import com.papertrader.infrastructure.polygon.PolygonJson;
import java.util.List;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Puts the {@link PolygonStub} into a test deployment (kept apart: ShrinkWrap is not on a client-side WAR's path). */
final class PolygonStubDeployment {

    private static final List<String> FIXTURES = List.of("aggs_ok.json", "aggs_paginated_page1.json",
            "aggs_paginated_page2.json", "aggs_empty.json", "aggs_delayed.json", "aggs_nan.json",
            "aggs_high_below_low.json", "aggs_truncated.txt", "error_401.json", "error_403_not_authorized.json",
            "error_429.json", "error_500.json", "error_502.html");

    private PolygonStubDeployment() {
    }

    /** The stub, its fixtures and the JDK module its server needs (WildFly gives deployments only what they ask for). */
    static WebArchive addTo(WebArchive war) {
        war.addClasses(PolygonStub.class, PolygonStub.Reply.class, PolygonStub.Request.class, PolygonJson.class)
                .addAsManifestResource(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"), "MANIFEST.MF");
        FIXTURES.forEach(name -> war.addAsResource("fixtures/polygon/" + name));
        return war;
    }
}
