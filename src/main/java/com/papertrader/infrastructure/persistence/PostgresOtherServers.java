package com.papertrader.infrastructure.persistence;

import com.papertrader.application.OtherServers;
import com.papertrader.application.settings.DatabaseSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@link OtherServers} through PostgreSQL's LISTEN/NOTIFY: every server listens on one channel on a connection of its
 * own; a live event is sent with {@code pg_notify}, in pieces that fit PostgreSQL's 8,000-byte payload, and every
 * other server hands it to its pages. A server that is not listening (restarting, cut off) misses events, as a page
 * that is not open does: pages read the database when they load. On SQLite nothing is sent or listened to.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PostgresOtherServers implements OtherServers {

    private static final Logger LOG = Logger.getLogger(PostgresOtherServers.class.getName());
    static final String CHANNEL = "papertrader_live";
    /** Below PostgreSQL's payload limit (8,000 bytes) with room for the sender and the event name. */
    static final int MAX_PAYLOAD_BYTES = 7_000;
    private static final int WAIT_MILLIS = 1_000;

    @Inject
    DatabaseSettings settings;

    @Inject
    Event<LiveEventElsewhere> arrived;

    @Resource
    ManagedThreadFactory threads;

    /** Tells this server's own notifications from the others'. */
    private final String sender = UUID.randomUUID().toString();
    private Connection sending;
    private volatile boolean running;
    private Thread listener;

    @PostConstruct
    void listen() {
        if (settings.postgres().isEmpty()) {
            return;
        }
        running = true;
        listener = threads.newThread(this::receive);
        listener.setName("paper-trader live events from other servers");
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        closeSending();
    }

    @Override
    public boolean any() {
        return settings.postgres().isPresent();
    }

    @Override
    public void tell(String event, JsonObject data) {
        if (settings.postgres().isEmpty()) {
            return;
        }
        List<String> payloads = new ArrayList<>();
        for (JsonObject piece : pieces(data, MAX_PAYLOAD_BYTES)) {
            payloads.add(sender + " " + event + " " + piece);
        }
        synchronized (this) {
            try {
                if (sending == null || !sending.isValid(2)) {
                    closeSending();
                    sending = ConfiguredDataSource.postgresConnections(settings.postgres().get()).getConnection();
                }
                try (PreparedStatement notify = sending.prepareStatement("SELECT pg_notify(?, ?)")) {
                    for (String payload : payloads) {
                        notify.setString(1, CHANNEL);
                        notify.setString(2, payload);
                        notify.execute();
                    }
                }
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "The other servers' pages miss a live {0} event: {1}", new Object[]{event, e.getMessage()});
                closeSending();
            }
        }
    }

    /**
     * The event in pieces whose JSON stays under {@code maxBytes}: each array is cut between its items; an item too
     * large alone is left out (the pages read it when they load).
     */
    static List<JsonObject> pieces(JsonObject data, int maxBytes) {
        List<JsonObject> pieces = new ArrayList<>();
        Map<String, List<JsonValue>> current = emptyArrays(data);
        int size = 2;
        for (Map.Entry<String, JsonValue> array : data.entrySet()) {
            for (JsonValue item : array.getValue().asJsonArray()) {
                int itemSize = item.toString().getBytes(StandardCharsets.UTF_8).length + 1;
                if (itemSize + 64 > maxBytes) {
                    LOG.warning(() -> "A live event's item is too large to send to the other servers (" + itemSize + " bytes)");
                    continue;
                }
                if (size + itemSize + 64 > maxBytes) {
                    pieces.add(build(current));
                    current = emptyArrays(data);
                    size = 2;
                }
                current.get(array.getKey()).add(item);
                size += itemSize;
            }
        }
        if (size > 2 || pieces.isEmpty()) {
            pieces.add(build(current));
        }
        return pieces;
    }

    private static Map<String, List<JsonValue>> emptyArrays(JsonObject data) {
        Map<String, List<JsonValue>> arrays = new LinkedHashMap<>();
        data.keySet().forEach(key -> arrays.put(key, new ArrayList<>()));
        return arrays;
    }

    private static JsonObject build(Map<String, List<JsonValue>> arrays) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        arrays.forEach((key, items) -> {
            JsonArrayBuilder array = Json.createArrayBuilder();
            items.forEach(array::add);
            object.add(key, array);
        });
        return object.build();
    }

    private void receive() {
        boolean stopped = false;
        while (running) {
            try (Connection connection = ConfiguredDataSource.postgresConnections(settings.postgres().get()).getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (stopped) {
                    LOG.info("Live events from the other servers: listening again");
                    stopped = false;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    if (!stopped) { // once, not every 5 s while the database is away
                        LOG.warning(() -> "Live events from the other servers stopped (" + e.getMessage() + "); trying again every 5 s");
                    }
                    stopped = true;
                    pause();
                }
            }
        }
    }

    private void deliver(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length < 3 || parts[0].equals(sender)) {
            return;
        }
        try (JsonReader reader = Json.createReader(new StringReader(parts[2]))) {
            arrived.fire(new LiveEventElsewhere(parts[1], reader.readObject()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A live event from another server could not be passed on: {0}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private synchronized void closeSending() {
        if (sending != null) {
            try {
                sending.close();
            } catch (SQLException e) {
                LOG.fine(() -> "Closing the live events' connection: " + e.getMessage());
            }
            sending = null;
        }
    }
}
