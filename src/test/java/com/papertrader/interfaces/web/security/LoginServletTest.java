package com.papertrader.interfaces.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoginServletTest {

    @Test
    void returnsOnlyToPathsOfThisSite() {
        assertEquals("/admin/agents", LoginServlet.safeNext("/admin/agents"));
        assertEquals("/admin/agents/x/edit?tab=1", LoginServlet.safeNext("/admin/agents/x/edit?tab=1"));
        assertEquals("/", LoginServlet.safeNext(null));
        assertEquals("/", LoginServlet.safeNext(""));
        assertEquals("/", LoginServlet.safeNext("//evil.example/x"));
        assertEquals("/", LoginServlet.safeNext("/\\\\evil.example"));
        assertEquals("/", LoginServlet.safeNext("https://evil.example/"));
        assertEquals("/", LoginServlet.safeNext("javascript:alert(1)"));
        assertEquals("/", LoginServlet.safeNext("/a b"));
    }
}
