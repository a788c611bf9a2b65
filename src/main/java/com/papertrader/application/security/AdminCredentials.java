package com.papertrader.application.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * The one administrator: a user name and, when configured, a password hash. Without a hash nobody can log in and
 * the application is read-only.
 */
public final class AdminCredentials {

    /** The role every state-changing request needs. */
    public static final String ADMIN_ROLE = "admin";

    private final String username;
    private final PasswordHash passwordHash;

    public AdminCredentials(String username, PasswordHash passwordHash) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = passwordHash;
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

    /** Whether the pair is the administrator's; the password is hashed even for a wrong name, so timing tells nothing. */
    public boolean verify(String givenUsername, char[] givenPassword) {
        if (passwordHash == null || givenUsername == null || givenPassword == null) {
            return false;
        }
        boolean passwordMatches = passwordHash.matches(givenPassword);
        boolean usernameMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
                givenUsername.getBytes(StandardCharsets.UTF_8));
        return passwordMatches && usernameMatches;
    }

    @Override
    public String toString() {
        return "admin '" + username + "' (" + (canLogIn() ? "password set" : "no password: login disabled") + ")";
    }
}
