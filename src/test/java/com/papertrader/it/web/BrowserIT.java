package com.papertrader.it.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.papertrader.it.Browser;
import com.papertrader.it.Deployments;
import com.papertrader.it.Http;
import java.net.URL;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages in Debian's headless chromium against the running engine on a fast simulated market, in a database of
 * their own: the Overview's status follows the engine without a reload; and a user's first agent: log in, save a
 * script with a syntax error (shown with its line, nothing saved), fix it, pause and enable the agent, watch its
 * order arrive on an Overview opened beforehand (no reload), and see its fill marked on the ticker's chart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    /** Unique per run: the browser tests' database lives as long as the unpacked server. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    private static final String AGENT = "journey-" + RUN;
    private static final String BROKEN = "function scan(bars, ctx) {\n  var x = ;\n}\n";
    private static final String FIXED = "function scan(bars, ctx) {\n  if (!ctx.position) {\n"
            + "    return { action: \"buy\", qty: 5, reason: \"journey buy\" };\n  }\n}\n";

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

    @Test
    void createFixEnableTradeAndChart() {
        try {
            journey(browser.driver());
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nThe browser was at " + browser.describe(), e);
        }
    }

    private void journey(ChromeDriver page) {
        page.get(url("/"));
        page.executeScript("window.sameDocument = true;");
        String overview = page.getWindowHandle();

        page.switchTo().newWindow(WindowType.TAB);
        logIn(page);

        page.get(url("/admin/agents/new"));
        fill(page, "id", AGENT);
        fill(page, "name", "Journey <b>buyer</b> " + RUN);
        fill(page, "tickers", "BRWA");
        fill(page, "script", BROKEN);
        page.findElement(By.id("save")).click();
        String error = browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("script-error"))).getText();
        assertTrue(error.contains("line 2"), "the syntax error names its line: " + error);
        assertEquals(BROKEN.strip(), page.findElement(By.id("script")).getAttribute("value").strip(), "the script typed is kept");
        assertEquals(404, status("/api/agents/" + AGENT), "nothing was saved");

        fill(page, "script", FIXED);
        page.findElement(By.id("save")).click();
        click(page, "pause-" + AGENT);
        click(page, "enable-" + AGENT);
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("pause-" + AGENT)).isEmpty());
        assertTrue(page.findElement(By.id("agent-" + AGENT)).getText().contains("ENABLED"));
        assertTrue(page.getPageSource().contains("Journey &lt;b&gt;buyer&lt;/b&gt; " + RUN), "the name is text, not markup");

        page.switchTo().window(overview);
        browser.waitUpTo(Duration.ofSeconds(60)).until(d -> journeyRow(d, "latest-orders", "journey buy"));
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> journeyRow(d, "latest-fills", "buy"));
        assertEquals(Boolean.TRUE, page.executeScript("return window.sameDocument === true;"), "arrived live, without a reload");

        page.get(url("/chart/BRWA?agent=" + AGENT));
        WebElement chart = browser.waitUpTo(Duration.ofSeconds(20)).until(d -> {
            WebElement container = d.findElement(By.id("price-chart"));
            return "true".equals(container.getAttribute("data-ready")) ? container : null;
        });
        assertTrue(Integer.parseInt(chart.getAttribute("data-markers")) >= 1, "the agent's fill is marked on the chart");
        assertTrue(!chart.findElements(By.tagName("canvas")).isEmpty(), "the candles are drawn");
    }

    private void logIn(WebDriver page) {
        page.get(url("/login"));
        fill(page, "username", Http.ADMIN_USER);
        fill(page, "password", Http.ADMIN_PASSWORD);
        page.findElement(By.id("login-submit")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(By.id("nav-admin")).size() == 1);
    }

    /** Clicks a button once the page showing it has loaded (each admin action answers with the list). */
    private void click(WebDriver page, String id) {
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElements(By.id(id)).isEmpty());
        page.findElement(By.id(id)).click();
    }

    /** A row of the agent's in a live table, showing this text too. */
    private static WebElement journeyRow(WebDriver page, String table, String text) {
        List<WebElement> rows = page.findElements(By.cssSelector("#" + table + " tbody tr"));
        return rows.stream().filter(r -> r.getText().contains(AGENT) && r.getText().contains(text)).findFirst().orElse(null);
    }

    private static void fill(WebDriver page, String id, String text) {
        WebElement field = page.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private int status(String path) {
        try {
            return Http.get(base, path).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return base.toExternalForm().replaceAll("/$", "") + path;
    }
}
