package com.papertrader.application.notification;

import com.papertrader.application.DatabaseHealth;
import com.papertrader.application.settings.NotificationSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the stored deliveries that are due, on threads of its own: {@value #SENDERS} receivers at a time, each given
 * the configured timeout, so a slow or dead receiver holds one of these threads and nothing else (not the trading
 * desk, not the feed's calls). It looks for due deliveries every {@value #SWEEP_SECONDS} s, at once when
 * {@link Notifications} stores new ones, and whenever a sender is done. A failed attempt is tried again as {@link DeliveryRetries} says. Every server
 * on the database sends: claiming a delivery first ({@link WebhookStore#claim}) keeps two from sending the same one,
 * and a server that stops mid-send leaves it to be claimed again. Receivers may still see a delivery twice (a
 * receiver that answered after the timeout); the delivery id header tells them.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    static final int SENDERS = 4;
    static final int SWEEP_SECONDS = 2;
    private static final Duration FORGET_EVERY = Duration.ofHours(1);

    @Inject
    WebhookStore store;

    @Inject
    WebhookSender sender;

    @Inject
    NotificationSettings settings;

    @Inject
    DatabaseHealth database;

    @Inject
    Clock clock;

    @Resource
    ManagedThreadFactory threads;

    private final Semaphore freeSenders = new Semaphore(SENDERS);
    private ScheduledExecutorService sweeper;
    private ExecutorService senders;
    private Instant forgottenAt = Instant.EPOCH;
    private volatile boolean sweepFailing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        sweeper = Executors.newSingleThreadScheduledExecutor(threads);
        senders = Executors.newFixedThreadPool(SENDERS, threads);
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            senders.shutdownNow();
        }
    }

    /** Looks for due deliveries now (new ones were stored), not at the next sweep. */
    void sendDue() {
        try {
            if (sweeper != null) {
                sweeper.execute(this::sweep);
            }
        } catch (RejectedExecutionException stopping) {
            LOG.fine("Not sending: the application is stopping; the deliveries wait in the database");
        }
    }

    /** Claims as many due deliveries as there are free senders and hands each to one. */
    private void sweep() {
        if (database.notReady().isPresent() || freeSenders.availablePermits() == 0) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (WebhookDelivery due : store.due(now, freeSenders.availablePermits())) {
                if (freeSenders.tryAcquire()) {
                    if (store.claim(due.getId(), now, now.plus(reclaimAfter()))) {
                        senders.execute(() -> sendAndRelease(due));
                    } else {
                        freeSenders.release();
                    }
                }
            }
            forgetOldDeliveries(now);
            if (sweepFailing) {
                sweepFailing = false;
                LOG.info("Webhook deliveries are read again");
            }
        } catch (RuntimeException e) {
            if (!sweepFailing) { // once per outage, not every two seconds
                sweepFailing = true;
                LOG.log(Level.WARNING, "Webhook deliveries cannot be read; they wait in the database: {0}", e.toString());
            }
        }
    }

    /** A claimed delivery is due again this long after its claim: the attempt's timeout with room to spare. */
    private Duration reclaimAfter() {
        return settings.timeout().multipliedBy(3).plusSeconds(30);
    }

    private void sendAndRelease(WebhookDelivery delivery) {
        try {
            send(delivery);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery " + delivery.getId() + " could not be finished; it is tried again later", e);
        } finally {
            freeSenders.release();
            sendDue(); // a sender is free: the next due delivery need not wait for the sweep
        }
    }

    private void send(WebhookDelivery delivery) {
        Optional<Webhook> webhook = store.webhook(delivery.getWebhookId());
        if (webhook.isEmpty()) {
            return; // deleted meanwhile, with its deliveries
        }
        Instant sentAt = clock.instant();
        long timestamp = sentAt.getEpochSecond();
        WebhookSender.Answer answer = sender.post(URI.create(webhook.get().url()), Map.of(
                "Content-Type", "application/json",
                WebhookSignature.EVENT_HEADER, delivery.getEvent().wireName(),
                WebhookSignature.DELIVERY_HEADER, delivery.getId(),
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.HEADER, WebhookSignature.sign(webhook.get().secret(), timestamp, delivery.body())),
                delivery.body(), settings.timeout());
        int attempt = delivery.getAttempts() + 1;
        Optional<Duration> retry = answer.delivered() || !answer.retryable() ? Optional.empty() : settings.retries().after(attempt);
        Instant finished = clock.instant();
        delivery.attempted(finished, answer.describe(), answer.delivered(), retry.map(finished::plus));
        store.save(delivery);
        if (!answer.delivered()) {
            LOG.log(Level.WARNING, "Webhook {0} ({1}) did not take {2} ({3}), attempt {4}: {5}; {6}", new Object[]{
                    webhook.get().getName(), webhook.get().getShownUrl(), delivery.getEvent().wireName(), delivery.getSummary(),
                    attempt, answer.describe(), retry.map(wait -> "trying again in " + wait.toSeconds() + " s").orElse("given up")});
        }
    }

    private void forgetOldDeliveries(Instant now) {
        if (Duration.between(forgottenAt, now).compareTo(FORGET_EVERY) >= 0) {
            forgottenAt = now;
            int forgotten = store.deleteFinishedBefore(now.minus(settings.logKept()));
            if (forgotten > 0) {
                LOG.info(() -> "Delivery log: " + forgotten + " finished deliveries older than " + settings.logKept().toDays() + " days forgotten");
            }
        }
    }
}
