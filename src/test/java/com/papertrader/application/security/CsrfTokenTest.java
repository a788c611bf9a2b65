package com.papertrader.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class CsrfTokenTest {

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        String token = CsrfToken.generate(new SecureRandom());

        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertNotEquals(token, CsrfToken.generate(new SecureRandom()));
    }

    @Test
    void onlyTheExactTokenMatches() {
        String token = CsrfToken.generate(new SecureRandom());

        assertTrue(CsrfToken.matches(token, token));
        assertTrue(CsrfToken.matches(token, new String(token.toCharArray())));
        assertFalse(CsrfToken.matches(token, token.substring(1)));
        assertFalse(CsrfToken.matches(token, token + "x"));
        assertFalse(CsrfToken.matches(token, null));
        assertFalse(CsrfToken.matches(token, ""));
        assertFalse(CsrfToken.matches(null, null));
        assertFalse(CsrfToken.matches("", ""));
    }
}
