package com.papertrader.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The per-session secret every form and state-changing request echoes back, so a page of another site, which can make
 * the browser send the session cookie but cannot read our pages, cannot make changes.
 */
public final class CsrfToken {

    private static final int BYTES = 32;

    private CsrfToken() {
    }

    /** 32 random bytes, URL-safe Base64 (43 characters). */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the token sent is the session's, compared in constant time; false when either is missing. */
    public static boolean matches(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
