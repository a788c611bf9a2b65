package com.papertrader.application.notification;

import com.papertrader.domain.market.FeedHealth;
import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.FeedStats.CallOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the webhooks when the market data feed goes down and comes back ({@link FeedHealth}), watching every call the
 * feed makes (it observes {@link FeedStats} beside the metrics). Only the server running the desk calls the feed.
 */
@ApplicationScoped
public class FeedNotifications implements FeedStats.Observer {

    private static final Logger LOG = Logger.getLogger(FeedNotifications.class.getName());

    @Inject
    Notifications notifications;

    @Inject
    Clock clock;

    private final FeedHealth health = new FeedHealth();

    @Override
    public void callAnswered(String endpoint, Duration took, CallOutcome outcome) {
        health.record(outcome, clock.instant()).ifPresent(change -> {
            String how = outcome.name().toLowerCase(Locale.ROOT);
            String summary = change.down()
                    ? "Market data feed down: calls in a row got no usable answer (the last " + how + ", " + endpoint + ")"
                    : "Market data feed back after " + Duration.between(change.downSince(), change.at()).toSeconds() + " s down";
            LOG.log(change.down() ? Level.WARNING : Level.INFO, summary);
            notifications.publish(new Notification(change.down() ? NotificationType.FEED_DOWN : NotificationType.FEED_BACK, change.at(),
                    summary, Json.createObjectBuilder().add("endpoint", endpoint).add("outcome", how)
                            .add("downSince", change.downSince().toString()).build()));
        });
    }
}
