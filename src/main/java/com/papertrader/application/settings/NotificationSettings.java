package com.papertrader.application.settings;

import com.papertrader.application.notification.DeliveryRetries;
import java.time.Duration;

/**
 * How webhooks are sent: how long to wait for a receiver, when to try again after a failure, and how long the
 * delivery log keeps finished deliveries.
 */
public record NotificationSettings(Duration timeout, DeliveryRetries retries, Duration logKept) {

    public static final String TIMEOUT_SECONDS = "webhooks.timeout-seconds";
    public static final String FIRST_RETRY_SECONDS = "webhooks.first-retry-seconds";
    public static final String ATTEMPTS = "webhooks.attempts";
    public static final String LOG_DAYS = "webhooks.log-days";

    static NotificationSettings read(SettingsReader in) {
        return new NotificationSettings(Duration.ofSeconds(in.positiveInt(TIMEOUT_SECONDS)),
                new DeliveryRetries(Duration.ofSeconds(in.positiveInt(FIRST_RETRY_SECONDS)), in.positiveInt(ATTEMPTS)),
                Duration.ofDays(in.positiveInt(LOG_DAYS)));
    }
}
