package com.papertrader.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through Debian's chromedriver: nothing is downloaded (Selenium Manager is never
 * asked, the driver and browser paths are given), and chromium's background traffic to Google is switched off, since
 * the network is closed. One browser per test class; {@link #close()} quits it.
 * <p>
 * What a person would see: the page at a desktop's or a phone's width ({@link #use}), the browser's console (every
 * error and Content-Security-Policy violation fails {@link #assertConsoleClean}), and full-page screenshots written
 * under {@code target/screenshots/} ({@link #screenshot}).
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** Where screenshots go: target/screenshots of the module (failsafe runs in it), or -Dscreenshots.dir. */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));

    /** A full-page screenshot is cut at this height (CSS px): a phone's card list of fifty orders runs far longer. */
    private static final int MAX_SCREENSHOT_HEIGHT = 8000;

    /** The widths the pages are looked at. */
    public enum Width {
        DESKTOP("desktop", 1280, 900, false),
        PHONE("phone", 390, 844, true);

        public final String label;
        public final int width;
        public final int height;
        public final boolean mobile;

        Width(String label, int width, int height, boolean mobile) {
            this.label = label;
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        @Override
        public String toString() {
            return label + " (" + width + " px)";
        }
    }

    private final ChromeDriver driver;
    private Width width = Width.DESKTOP;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    public static Browser start() throws Exception {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        Path profile = Files.createTempDirectory("paper-trader-chromium");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        Browser browser = new Browser(new ChromeDriver(service, options));
        browser.use(Width.DESKTOP);
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait for something the page does by itself (a live update, a chart drawn). */
    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /**
     * Lays the current tab out at this width from now on (also for the pages it loads next), as that device would:
     * a phone with its viewport meta tag honoured.
     */
    public void use(Width width) {
        this.width = width;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width.width, "height", width.height, "deviceScaleFactor", 1, "mobile", width.mobile));
    }

    /** Forgets every cookie (so the session's login), as a new visitor would come. */
    public void forgetCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Opens a page afresh: leaves the current one first (so nothing it still logs counts for the new one), then
     * forgets the console, then loads the URL.
     */
    public void open(String url) {
        driver.get("about:blank");
        clearConsole();
        driver.get(url);
    }

    /** The console entries since the last read (reading empties chromium's buffer). */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /** Forgets what the console said so far, so that the next check covers only what comes after. */
    public void clearConsole() {
        console();
    }

    /**
     * Fails on any error written to the browser's console since the last read, a script error or a failed load
     * (chromium logs them as SEVERE), and on any Content-Security-Policy violation, whatever its level.
     */
    public void assertConsoleClean(String where) {
        List<String> problems = consoleProblems();
        if (!problems.isEmpty()) {
            throw new AssertionError(where + ": the browser's console reports " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The errors and CSP violations written to the console since the last read, as "LEVEL message". */
    public List<String> consoleProblems() {
        return console().stream().filter(Browser::isProblem)
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).collect(Collectors.toList());
    }

    private static boolean isProblem(LogEntry entry) {
        String message = entry.getMessage().toLowerCase(Locale.ROOT);
        return entry.getLevel().intValue() >= Level.SEVERE.intValue()
                || message.contains("content security policy") || message.contains("content-security-policy")
                || message.contains("refused to");
    }

    /** The whole page as a PNG at {@link #SCREENSHOTS}/name.png (cut at 8,000 CSS px); returns the file. */
    public Path screenshot(String name) {
        return screenshot(name, MAX_SCREENSHOT_HEIGHT);
    }

    /** The page from its top, at most this high (CSS px), as a PNG at {@link #SCREENSHOTS}/name.png. */
    public Path screenshot(String name, int maxHeight) {
        Number pageHeight = (Number) driver.executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0);");
        double height = Math.min(Math.max(pageHeight.doubleValue(), width.height), maxHeight);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width.width, "height", Math.ceil(height), "scale", 1)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
        return file;
    }

    /**
     * After a failed test: the page as it was (screenshot) and a note of where it was and what the console said,
     * at {@link #SCREENSHOTS}/failed/name.png and .txt. Never throws: the test's own failure is what counts.
     */
    public void recordFailure(String name) {
        List<String> notes = new ArrayList<>();
        try {
            notes.add("URL: " + driver.getCurrentUrl());
            console().forEach(entry -> notes.add("console " + entry.getLevel() + " " + entry.getMessage()));
            notes.add("screenshot: " + screenshot("failed/" + name));
        } catch (RuntimeException e) {
            notes.add("could not record the page: " + e);
        }
        try {
            Path file = SCREENSHOTS.resolve("failed").resolve(name + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, notes);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not write the failure notes of " + name + ": " + e);
        }
    }

    /** Where the browser is and what it shows, for a failure message. */
    public String describe() {
        String text = driver.findElement(By.tagName("body")).getText();
        return driver.getCurrentUrl() + "\n" + (text.length() > 3000 ? text.substring(0, 3000) : text);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
