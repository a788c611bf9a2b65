package com.papertrader.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One configured login: the administrator or the viewer, with a user name and, when configured, a password hash.
 * Without a hash nobody can log in with it. The admin may do everything (admin pages, every change); the viewer may
 * only read, which matters when reading needs a login.
 */
public final class Credentials {

    /** The role every admin page and state-changing request needs. */
    public static final String ADMIN_ROLE = "admin";
    /** The role of a login that may read but change nothing. */
    public static final String VIEWER_ROLE = "viewer";

    private final String role;
    private final String username;
    private final PasswordHash passwordHash;

    private Credentials(String role, String username, PasswordHash passwordHash) {
        this.role = role;
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = passwordHash;
    }

    public static Credentials admin(String username, PasswordHash passwordHash) {
        return new Credentials(ADMIN_ROLE, username, passwordHash);
    }

    public static Credentials viewer(String username, PasswordHash passwordHash) {
        return new Credentials(VIEWER_ROLE, username, passwordHash);
    }

    public String role() {
        return role;
    }

    /** The roles a login with these credentials gets: the admin may also do everything a viewer may. */
    public Set<String> roles() {
        return rolesOf(role);
    }

    /** The roles that go with a role: the admin may also do everything a viewer may. */
    static Set<String> rolesOf(String role) {
        return role.equals(ADMIN_ROLE) ? Set.of(ADMIN_ROLE, VIEWER_ROLE) : Set.of(VIEWER_ROLE);
    }

    public String username() {
        return username;
    }

    public boolean canLogIn() {
        return passwordHash != null;
    }

    public Optional<PasswordHash> passwordHash() {
        return Optional.ofNullable(passwordHash);
    }

    /** Whether the pair is this login's; the password is hashed even for a wrong name, so timing tells nothing. */
    public boolean verify(String givenUsername, char[] givenPassword) {
        if (passwordHash == null || givenUsername == null || givenPassword == null) {
            return false;
        }
        boolean passwordMatches = passwordHash.matches(givenPassword);
        boolean usernameMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                givenUsername.getBytes(StandardCharsets.UTF_8));
        return passwordMatches && usernameMatches;
    }

    /**
     * Which of the logins the pair belongs to. Only the login with that user name (or, for an unknown name, the
     * first) has its password hashed, so a request costs one hash whoever it claims to be.
     */
    public static Optional<Credentials> authenticate(String givenUsername, char[] givenPassword, List<Credentials> logins) {
        Credentials candidate = logins.get(0);
        byte[] given = givenUsername == null ? new byte[0] : givenUsername.getBytes(StandardCharsets.UTF_8);
        for (Credentials login : logins) {
            if (MessageDigest.isEqual(login.username.getBytes(StandardCharsets.UTF_8), given)) {
                candidate = login;
            }
        }
        return candidate.verify(givenUsername, givenPassword) ? Optional.of(candidate) : Optional.empty();
    }

    @Override
    public String toString() {
        return role + " '" + username + "' (" + (canLogIn() ? "password set" : "no password: login disabled") + ")";
    }
}
