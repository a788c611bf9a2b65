package com.papertrader.application.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials verified a short while ago, so that a script sending HTTP Basic with every request pays the password
 * hash once per {@link #TTL}, not per request. Only a keyed digest (HMAC-SHA256 under a random key of this process)
 * of each verified user name and password is kept, never the password, and a presented pair is compared with it in
 * constant time. Only correct pairs are remembered, so there is at most one entry per configured login.
 */
public final class VerifiedLogins {

    static final Duration TTL = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";

    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Verified> byUsername = new ConcurrentHashMap<>();

    public VerifiedLogins(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The login these credentials were verified as, if they were within the last {@link #TTL}. */
    public Optional<Credentials> find(String username, char[] password) {
        Verified verified = byUsername.get(username);
        if (verified == null || !clock.instant().isBefore(verified.until)) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(verified.digest, digest(username, password)) ? Optional.of(verified.login) : Optional.empty();
    }

    /** Remembers credentials just verified as {@code login}. */
    public void remember(String username, char[] password, Credentials login) {
        byUsername.put(username, new Verified(digest(username, password), clock.instant().plus(TTL), login));
    }

    private byte[] digest(String username, char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes.duplicate());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        } finally {
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    private record Verified(byte[] digest, Instant until, Credentials login) {
    }
}
