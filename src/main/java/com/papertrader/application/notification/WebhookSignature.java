package com.papertrader.application.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the webhook's secret,
 * of the timestamp header's value, a full stop and the body as sent. With the timestamp inside the signed text a
 * receiver can refuse old deliveries replayed (the README shows the check).
 */
public final class WebhookSignature {

    public static final String HEADER = "X-PaperTrader-Signature";
    public static final String TIMESTAMP_HEADER = "X-PaperTrader-Timestamp";
    public static final String EVENT_HEADER = "X-PaperTrader-Event";
    public static final String DELIVERY_HEADER = "X-PaperTrader-Delivery";
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 200;

    private WebhookSignature() {
    }

    /** @param timestamp the {@value #TIMESTAMP_HEADER} header's value: seconds since the epoch */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    /**
     * A secret long enough to sign with.
     *
     * @throws InvalidWebhookException when it is shorter than {@value #MIN_SECRET_LENGTH} characters, longer than
     *                                 {@value #MAX_SECRET_LENGTH}, or holds spaces or control characters
     */
    static String checkSecret(String secret) {
        String given = secret == null ? "" : secret;
        if (given.length() < MIN_SECRET_LENGTH) {
            throw new InvalidWebhookException("secret", "The secret must be at least " + MIN_SECRET_LENGTH
                    + " characters long (random, and kept by the receiver to check each signature).");
        }
        if (given.length() > MAX_SECRET_LENGTH || given.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new InvalidWebhookException("secret", "The secret must be at most " + MAX_SECRET_LENGTH
                    + " characters, without spaces or control characters.");
        }
        return given;
    }
}
