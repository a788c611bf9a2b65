package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.papertrader.it.Browser;
import com.papertrader.it.Deployments;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** The Overview in a real browser: the status follows the engine without a reload (server-sent events). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OverviewBrowserIT {

    private static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war()
                .addAsLibrary(ShrinkWrap.create(JavaArchive.class, "browser-config.jar")
                        .addAsResource("browser-config.properties", "META-INF/microprofile-config.properties"));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Test
    void statusUpdatesLiveWithoutAReload() {
        ChromeDriver page = browser.driver();
        page.get(base.toExternalForm());
        assertEquals("Overview · Paper Trader", page.getTitle());
        page.executeScript("window.sameDocument = true;");
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> !d.findElement(By.id("status-last-poll")).getText().equals("not yet"));
        String firstDue = page.findElement(By.id("status-next-bar")).getText();

        // The simulated market runs 300x: the next poll, five seconds on, is 25 market minutes later.
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("status-next-bar")).getText().equals(firstDue));
        assertEquals(Boolean.TRUE, page.executeScript("return window.sameDocument === true;"), "updated in place, not reloaded");
        assertEquals("BRWA, BRWB", page.findElement(By.id("status-tickers")).getText());
    }
}
