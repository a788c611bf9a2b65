package com.papertrader.application.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private static final Notification FILLED = new Notification(NotificationType.FILL, Instant.parse("2026-06-08T13:35:00Z"),
            "Filled BUY 1 AAPL at 100.01 (agent a, account a)", Json.createObjectBuilder().add("ticker", "AAPL").build());

    @Test
    void theJsonBodyCarriesTheDeliveryTheEventItsTimeTheSummaryAndTheDetails() {
        JsonObject body = Notifications.body("d-1", WebhookFormat.JSON, FILLED);
        assertEquals("{\"id\":\"d-1\",\"event\":\"fill\",\"occurredAt\":\"2026-06-08T13:35:00Z\","
                + "\"summary\":\"Filled BUY 1 AAPL at 100.01 (agent a, account a)\",\"data\":{\"ticker\":\"AAPL\"}}", body.toString());
    }

    @Test
    void theChatBodyIsTheSummaryAsSlackAndDiscordPostIt() {
        JsonObject body = Notifications.body("d-1", WebhookFormat.CHAT, FILLED);
        assertEquals("Paper Trader: Filled BUY 1 AAPL at 100.01 (agent a, account a)", body.getString("text"), "Slack");
        assertEquals(body.getString("text"), body.getString("content"), "Discord");
        assertEquals(2, body.size());
    }

    @Test
    void aDeliveryIsPendingAtOnceWithItsBodyFixed() {
        Webhook webhook = new Webhook("w000000000001", "alerts", "https://hooks.example.com/x", List.of(NotificationType.FILL),
                "0123456789abcdef", WebhookFormat.JSON, Instant.EPOCH, "admin");
        WebhookDelivery delivery = Notifications.delivery(webhook, FILLED);
        assertEquals(DeliveryStatus.PENDING, delivery.getStatus());
        assertEquals(FILLED.occurredAt(), delivery.getNextAttemptAt().orElseThrow());
        assertEquals(Notifications.body(delivery.getId(), WebhookFormat.JSON, FILLED).toString(), delivery.body());
    }

    @Test
    void aWebhookIsToldWhatItSubscribedToAndEveryTest() {
        Webhook webhook = new Webhook("w000000000001", "alerts", "https://hooks.example.com/x",
                List.of(NotificationType.FILL, NotificationType.FEED_DOWN), "0123456789abcdef", WebhookFormat.CHAT, Instant.EPOCH, "admin");
        assertEquals(List.of(NotificationType.FILL, NotificationType.FEED_DOWN), webhook.getEvents());
        assertEquals(true, webhook.subscribesTo(NotificationType.FEED_DOWN));
        assertEquals(false, webhook.subscribesTo(NotificationType.ORDER_REJECTED));
        assertEquals(true, webhook.subscribesTo(NotificationType.TEST));
    }
}
