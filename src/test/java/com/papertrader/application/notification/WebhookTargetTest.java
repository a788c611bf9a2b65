package com.papertrader.application.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WebhookTargetTest {

    private static final Set<Integer> OWN_PORTS = Set.of(8080);
    /** This test's machine: the host names a real lookup would find to be this machine, without a lookup. */
    private static final Predicate<String> HERE = host -> Set.of("localhost", "127.0.0.1", "paper.local").contains(host);

    @Test
    void anHttpOrHttpsUrlToAnotherServiceIsTaken() {
        assertEquals("https://hooks.slack.com/services/T0/B0/xyz",
                WebhookTarget.check(" https://hooks.slack.com/services/T0/B0/xyz ", OWN_PORTS, HERE).toString());
        assertEquals("http://127.0.0.1:9000/hook", WebhookTarget.check("http://127.0.0.1:9000/hook", OWN_PORTS, HERE).toString(),
                "this machine on another port: a receiver beside the server");
    }

    @Test
    void whatIsNotAnHttpUrlIsRefusedSayingWhy() {
        assertRefused(null, "Give the URL");
        assertRefused("  ", "Give the URL");
        assertRefused("ftp://example.com/hook", "starts with http:// or https://");
        assertRefused("javascript:alert(1)", "starts with http:// or https://");
        assertRefused("hooks.example.com/x", "starts with http:// or https://");
        assertRefused("https://exa mple.com/", "not well formed");
        assertRefused("http:///path", "names no host");
        assertRefused("https://user:pass@example.com/hook", "no user name or password");
        assertRefused("https://example.com/" + "a".repeat(2_000), "longer than 2000");
    }

    @Test
    void paperTraderItselfIsRefused() {
        assertRefused("http://localhost:8080/api/kill-switch/engage", "points at Paper Trader itself (this machine, port 8080)");
        assertRefused("http://127.0.0.1:8080/", "itself");
        assertRefused("http://paper.local:8080/", "itself");
        assertEquals("http://other.example:8080/", WebhookTarget.check("http://other.example:8080/", OWN_PORTS, HERE).toString());
        assertRefused("http://127.0.0.1/", Set.of(80), "port 80");
    }

    @Test
    void theLoopbackAddressIsThisMachineByTheRealLookup() {
        assertTrue(WebhookTarget.THIS_MACHINE.test("127.0.0.1"));
        assertTrue(WebhookTarget.THIS_MACHINE.test("localhost"));
        assertTrue(WebhookTarget.THIS_MACHINE.test("[::1]"));
    }

    @Test
    void onlyTheSchemeHostAndPortAreShown() {
        assertEquals("https://hooks.slack.com/…", WebhookTarget.shown("https://hooks.slack.com/services/T0/B0/secret-token"));
        assertEquals("http://127.0.0.1:9000/…", WebhookTarget.shown("http://127.0.0.1:9000/hook?token=x"));
        assertEquals("https://example.com/", WebhookTarget.shown("https://example.com/"));
    }

    private static void assertRefused(String url, String message) {
        assertRefused(url, OWN_PORTS, message);
    }

    private static void assertRefused(String url, Set<Integer> ownPorts, String message) {
        InvalidWebhookException refused = assertThrows(InvalidWebhookException.class, () -> WebhookTarget.check(url, ownPorts, HERE));
        assertEquals("url", refused.field());
        assertTrue(refused.getMessage().contains(message), refused.getMessage());
        if (url != null && url.length() > 20) {
            assertTrue(!refused.getMessage().contains(url.strip()), "the URL (it may hold a token) is not quoted: " + refused.getMessage());
        }
    }
}
