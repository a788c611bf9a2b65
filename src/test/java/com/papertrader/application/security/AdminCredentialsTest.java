package com.papertrader.application.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AdminCredentialsTest {

    private final AdminCredentials admin = new AdminCredentials("admin",
            PasswordHash.of("s3cret!".toCharArray(), 1000, new SecureRandom()));

    @Test
    void onlyTheRightNameWithTheRightPasswordIsAccepted() {
        assertTrue(admin.verify("admin", "s3cret!".toCharArray()));
        assertFalse(admin.verify("Admin", "s3cret!".toCharArray()));
        assertFalse(admin.verify("admin", "s3cret".toCharArray()));
        assertFalse(admin.verify("root", "s3cret!".toCharArray()));
        assertFalse(admin.verify(null, "s3cret!".toCharArray()));
        assertFalse(admin.verify("admin", null));
    }

    @Test
    void withoutAHashNothingIsAccepted() {
        AdminCredentials locked = new AdminCredentials("admin", null);

        assertFalse(locked.canLogIn());
        assertFalse(locked.verify("admin", "".toCharArray()));
        assertFalse(locked.verify("admin", "admin".toCharArray()));
    }
}
