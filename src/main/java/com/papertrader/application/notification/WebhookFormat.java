package com.papertrader.application.notification;

/** The body a webhook receives. */
public enum WebhookFormat {
    /** {@code {"id", "event", "occurredAt", "summary", "data"}}: for a program of one's own. */
    JSON,
    /** {@code {"text", "content"}}, the summary in both: what Slack's and Discord's incoming webhooks post as a message. */
    CHAT
}
