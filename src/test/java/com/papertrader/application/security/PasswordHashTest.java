package com.papertrader.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theTextFormVerifiesTheSamePasswordOnly() {
        PasswordHash hash = PasswordHash.of("correct horse".toCharArray(), 1000, new SecureRandom());

        PasswordHash read = PasswordHash.parse(hash.toString());

        assertTrue(read.matches("correct horse".toCharArray()));
        assertFalse(read.matches("correct hors".toCharArray()));
        assertFalse(read.matches("".toCharArray()));
        assertEquals(1000, read.iterations());
        assertTrue(hash.toString().startsWith("pbkdf2-sha256$1000$"), hash.toString());
    }

    @Test
    void matchesPbkdf2AsAnotherImplementationComputesIt() {
        // Python: base64(hashlib.pbkdf2_hmac('sha256', b'password', b'saltsalt', 3, 32)), padding included
        PasswordHash known = PasswordHash.parse("pbkdf2-sha256$3$c2FsdHNhbHQ=$zLQla4DxOIL6lTUl25/LAAa/SvXqn76xCjOlWzgLYT8=");

        assertTrue(known.matches("password".toCharArray()));
        assertFalse(known.matches("Password".toCharArray()));
    }

    @Test
    void theSameПарольGetsADifferentSaltEachTime() {
        char[] password = "пароль".toCharArray();

        PasswordHash first = PasswordHash.of(password, 1000, new SecureRandom());
        PasswordHash second = PasswordHash.of(password, 1000, new SecureRandom());

        assertFalse(first.toString().equals(second.toString()));
        assertTrue(second.matches("пароль".toCharArray()));
    }

    @Test
    void malformedTextIsRefusedWithoutEchoingIt() {
        for (String bad : new String[]{"", "plain-password", "pbkdf2-sha256$x$c2FsdHNhbHQ$aGFzaA",
                "pbkdf2-sha256$0$c2FsdHNhbHQ$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs",
                "pbkdf2-sha256$10$!!!$Eg+2z/z4syxD5yJSVsT4N6hlSMkszDVICAWYfLcL4Xs",
                "pbkdf2-sha256$10$c2FsdHNhbHQ$c2hvcnQ", "sha1$10$c2FsdHNhbHQ$c2hvcnQ"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("must") || e.getMessage().startsWith("has"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.of(new char[0], 1000, new SecureRandom()));
    }
}
