package com.papertrader.application.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsTheHmacSha256OfTheTimestampAFullStopAndTheBody() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret-of-sixteen!'
        assertEquals("sha256=117f91e19d00b105b8b71bcf2ae2b13ce162bdb2c34f55c4bb07241b84250ab6",
                WebhookSignature.sign("secret-of-sixteen!", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void anotherTimestampOrSecretSignsDifferently() {
        String signed = WebhookSignature.sign("secret-of-sixteen!", 1_700_000_000L, "{\"a\":1}");
        assertNotEquals(signed, WebhookSignature.sign("secret-of-sixteen!", 1_700_000_001L, "{\"a\":1}"));
        assertNotEquals(signed, WebhookSignature.sign("secret-of-sixteen?", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void aSecretMustBeLongEnoughAndPrintable() {
        assertEquals("0123456789abcdef", WebhookSignature.checkSecret("0123456789abcdef"));
        for (String bad : new String[]{null, "", "short-secret", "0123456789abcde"}) {
            InvalidWebhookException refused = assertThrows(InvalidWebhookException.class, () -> WebhookSignature.checkSecret(bad));
            assertEquals("secret", refused.field());
            assertTrue(refused.getMessage().contains("at least 16 characters"), refused.getMessage());
        }
        assertThrows(InvalidWebhookException.class, () -> WebhookSignature.checkSecret("0123456789 abcdef"));
        assertThrows(InvalidWebhookException.class, () -> WebhookSignature.checkSecret("x".repeat(201)));
    }
}
