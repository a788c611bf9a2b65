package com.papertrader.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Browser} for a test class: started before its first test, quit after its last, and when a test fails,
 * the page it failed on is kept (screenshot and console, {@link Browser#recordFailure}) under
 * target/screenshots/failed/, before anything else runs. Register it as a static field:
 * {@code @RegisterExtension static final BrowserExtension BROWSER = new BrowserExtension();}
 */
public final class BrowserExtension implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

    private Browser browser;

    public Browser browser() {
        if (browser == null) {
            throw new IllegalStateException("the browser starts before the class's first test");
        }
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        browser = Browser.start();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (browser != null && context.getExecutionException().isPresent()) {
            browser.recordFailure(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
