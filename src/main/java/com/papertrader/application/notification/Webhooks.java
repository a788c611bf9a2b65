package com.papertrader.application.notification;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The webhooks an admin keeps (made, tested, deleted; each change audited) and their delivery logs. What is saved has
 * been checked: a name, an http(s) URL that is not this server ({@link WebhookTarget}), at least one type of
 * notification, a secret long enough to sign with, and a format.
 */
@ApplicationScoped
public class Webhooks {

    private static final int MAX_NAME = 100;

    private WebhookStore store;
    private Notifications notifications;
    private Audit audit;
    private Clock clock;
    private Predicate<String> isThisMachine;
    private final SecureRandom random = new SecureRandom();

    protected Webhooks() {
    }

    @Inject
    public Webhooks(WebhookStore store, Notifications notifications, Audit audit, Clock clock) {
        this(store, notifications, audit, clock, WebhookTarget.THIS_MACHINE);
    }

    Webhooks(WebhookStore store, Notifications notifications, Audit audit, Clock clock, Predicate<String> isThisMachine) {
        this.store = store;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.isThisMachine = isThisMachine;
    }

    /**
     * A webhook as an admin asks for it (the form's fields, the API's keys).
     *
     * @param events the types' wire names ({@code fill}, {@code feed_down}, ...)
     * @param format {@code JSON} or {@code CHAT}
     */
    public record Request(String name, String url, List<String> events, String secret, String format) {
    }

    /**
     * Saves a new webhook.
     *
     * @param ownPorts the ports this server answers on (a URL to this machine on one of them is refused)
     * @throws InvalidWebhookException naming the field at fault
     */
    public Webhook create(Request request, Set<Integer> ownPorts, Actor actor) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidWebhookException("name", "A webhook needs a name of 1 to " + MAX_NAME + " printable characters.");
        }
        String url = WebhookTarget.check(request.url(), ownPorts, isThisMachine).toString();
        List<NotificationType> events = events(request.events());
        String secret = WebhookSignature.checkSecret(request.secret());
        Webhook webhook = new Webhook("w" + HexFormat.of().formatHex(randomBytes()), name, url, events, secret, format(request.format()),
                clock.instant(), actor.user());
        store.add(webhook);
        audit.record(actor, AuditAction.WEBHOOK_CREATED, "webhook " + webhook.getId(), "name " + name + ", " + webhook.getShownUrl()
                + ", events " + webhook.getEventNames() + ", format " + webhook.getFormat());
        return webhook;
    }

    /** @return false when there is no such webhook */
    public boolean delete(String id, Actor actor) {
        Optional<Webhook> webhook = store.webhook(id);
        if (webhook.isEmpty() || !store.delete(id)) {
            return false;
        }
        audit.record(actor, AuditAction.WEBHOOK_DELETED, "webhook " + id, "name " + webhook.get().getName());
        return true;
    }

    /**
     * Sends the webhook a test delivery now (logged like the others).
     *
     * @return false when there is no such webhook
     */
    public boolean test(String id, Actor actor) {
        Optional<Webhook> webhook = store.webhook(id);
        webhook.ifPresent(found -> notifications.deliver(found, new Notification(NotificationType.TEST, clock.instant(),
                "test delivery to " + found.getName() + ", asked for by " + actor.user(),
                Json.createObjectBuilder().add("webhook", found.getId()).add("by", actor.user()).build())));
        return webhook.isPresent();
    }

    public List<Webhook> all() {
        return store.webhooks();
    }

    public Optional<Webhook> webhook(String id) {
        return store.webhook(id);
    }

    /** A webhook's delivery log, newest first. */
    public Page<WebhookDelivery> deliveries(String id, PageRequest page) {
        return store.deliveries(id, page);
    }

    private static List<NotificationType> events(List<String> wireNames) {
        List<NotificationType> events = new ArrayList<>();
        for (String wireName : wireNames == null ? List.<String>of() : wireNames) {
            NotificationType type = NotificationType.byWireName(wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT))
                    .filter(NotificationType::subscribable)
                    .orElseThrow(() -> new InvalidWebhookException("events", "There is no notification \"" + wireName + "\"; choose from "
                            + String.join(", ", subscribable().stream().map(NotificationType::wireName).toList()) + "."));
            if (!events.contains(type)) {
                events.add(type);
            }
        }
        if (events.isEmpty()) {
            throw new InvalidWebhookException("events", "Choose at least one notification to send.");
        }
        return events;
    }

    /** The types a webhook may subscribe to, in the order the form lists them. */
    public static List<NotificationType> subscribable() {
        return Arrays.stream(NotificationType.values()).filter(NotificationType::subscribable).toList();
    }

    private static WebhookFormat format(String format) {
        try {
            return WebhookFormat.valueOf(format == null || format.isBlank() ? "JSON" : format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidWebhookException("format", "The format is JSON or CHAT (Slack and Discord).");
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return bytes;
    }
}
