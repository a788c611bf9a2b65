package com.papertrader.application.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook can be told; each is sent under its wire name ({@code fill}, {@code feed_down}, ...), which never changes. */
public enum NotificationType {
    FILL("An order filled (in part or in full)"),
    ORDER_REJECTED("An order was refused (a risk rule, the kill switch, no price)"),
    AGENT_STOPPED("An agent was stopped after too many script errors in a row"),
    DAILY_LOSS_HALT("An account reached its daily loss limit: no new entries today"),
    DRAWDOWN_LOCK("An account reached its maximum drawdown: no new entries until released"),
    KILL_SWITCH_ENGAGED("The kill switch was engaged"),
    KILL_SWITCH_RELEASED("The kill switch was released"),
    FEED_DOWN("The market data feed stopped answering"),
    FEED_BACK("The market data feed answers again"),
    /** Sent only when an admin asks for a test delivery: every webhook receives it, whatever it subscribed to. */
    TEST("A test delivery, sent from the admin page or the API");

    private final String description;

    NotificationType(String description) {
        this.description = description;
    }

    /** The name receivers see (in the body and the {@code X-PaperTrader-Event} header) and the API takes. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** Whether a webhook may subscribe to it (a test goes to every webhook, asked for). */
    public boolean subscribable() {
        return this != TEST;
    }

    public static Optional<NotificationType> byWireName(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName().equals(wireName)).findFirst();
    }
}
