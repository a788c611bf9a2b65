package com.papertrader.application.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private final PasswordHash hash = PasswordHash.of("s3cret!".toCharArray(), 1000, new SecureRandom());
    private final Credentials admin = Credentials.admin("admin", hash);

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
        Credentials locked = Credentials.admin("admin", null);

        assertFalse(locked.canLogIn());
        assertFalse(locked.verify("admin", "".toCharArray()));
        assertFalse(locked.verify("admin", "admin".toCharArray()));
    }

    @Test
    void theAdminMayDoWhatAViewerMayButNotTheOtherWayRound() {
        Credentials viewer = Credentials.viewer("viewer", hash);

        assertEquals(Set.of("admin", "viewer"), admin.roles());
        assertEquals(Set.of("viewer"), viewer.roles());
        assertEquals("viewer", viewer.role());
        assertTrue(viewer.verify("viewer", "s3cret!".toCharArray()));
        assertFalse(viewer.verify("admin", "s3cret!".toCharArray()));
    }

    @Test
    void authenticateFindsTheLoginTheNameAndPasswordBelongTo() {
        Credentials viewer = Credentials.viewer("viewer", PasswordHash.of("look-only".toCharArray(), 1000, new SecureRandom()));
        List<Credentials> logins = List.of(admin, viewer);

        assertSame(admin, Credentials.authenticate("admin", "s3cret!".toCharArray(), logins).orElseThrow());
        assertSame(viewer, Credentials.authenticate("viewer", "look-only".toCharArray(), logins).orElseThrow());
        assertTrue(Credentials.authenticate("viewer", "s3cret!".toCharArray(), logins).isEmpty());
        assertTrue(Credentials.authenticate("admin", "look-only".toCharArray(), logins).isEmpty());
        assertTrue(Credentials.authenticate("root", "s3cret!".toCharArray(), logins).isEmpty());
        assertTrue(Credentials.authenticate(null, "s3cret!".toCharArray(), logins).isEmpty());
    }

    @Test
    void aViewerWithoutPasswordCannotLogInWhileTheAdminStillCan() {
        List<Credentials> logins = List.of(admin, Credentials.viewer("viewer", null));

        assertTrue(Credentials.authenticate("viewer", "".toCharArray(), logins).isEmpty());
        assertTrue(Credentials.authenticate("viewer", "s3cret!".toCharArray(), logins).isEmpty());
        assertSame(admin, Credentials.authenticate("admin", "s3cret!".toCharArray(), logins).orElseThrow());
    }

    @Test
    void toStringNamesTheLoginButNeverThePasswordOrHash() {
        assertEquals("admin 'admin' (password set)", admin.toString());
        assertEquals("viewer 'viewer' (no password: login disabled)", Credentials.viewer("viewer", null).toString());
        assertFalse(admin.toString().contains(hash.toString()));
    }
}
