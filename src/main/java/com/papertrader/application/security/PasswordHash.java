package com.papertrader.application.security;

import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash in one line of text: {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * (salt and hash in Base64). The iterations are part of the text, so a stronger setting later still verifies old
 * hashes. Make one with {@link #main}: {@code java -cp target/classes com.papertrader.application.security.PasswordHash}.
 */
public final class PasswordHash {

    public static final String SCHEME = "pbkdf2-sha256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a password with a new random salt. */
    public static PasswordHash of(char[] password, int iterations, SecureRandom random) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the password is empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(checkedIterations(iterations), salt, derive(password, salt, iterations));
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException saying what is wrong with it (never echoing it)
     */
    public static PasswordHash parse(String text) {
        Objects.requireNonNull(text, "password hash");
        String[] parts = text.strip().split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("must look like " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        try {
            int iterations = checkedIterations(Integer.parseInt(parts[1]));
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length != HASH_BITS / 8) {
                throw new IllegalArgumentException("has a salt shorter than 8 bytes or a hash that is not 32 bytes");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("has iterations that are not a whole number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() != null && e.getMessage().startsWith("has ")
                    ? e.getMessage() : "has a salt or hash that is not Base64", e);
        }
    }

    /** Whether the password is the one hashed; takes the same time whichever byte differs. */
    public boolean matches(char[] password) {
        return password.length > 0 && MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    public int iterations() {
        return iterations;
    }

    /** The text form, for configuration. */
    @Override
    public String toString() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /** Prints the hash of a password read from the console (not echoed), or from standard input when there is none. */
    public static void main(String[] args) throws java.io.IOException {
        Console console = System.console();
        char[] password = console != null ? console.readPassword("Password: ")
                : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip().toCharArray();
        try {
            System.out.println(of(password, DEFAULT_ITERATIONS, new SecureRandom()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static int checkedIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("has iterations outside 1.." + MAX_ITERATIONS);
        }
        return iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
