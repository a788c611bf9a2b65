package com.papertrader.infrastructure.polygon;

import com.papertrader.domain.market.FeedStats;
import com.papertrader.domain.market.MinuteStream;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polygon's WebSocket stream of minute aggregates through the Jakarta WebSocket client (the server's own: Undertow on
 * WildFly, Tyrus on Payara). On "connected" it authenticates, on "auth_success" it subscribes to {@code AM.<ticker>}
 * for each followed ticker, and from the first subscription on it hands each frame's minutes to the listener.
 * <p>
 * A refused key ({@code auth_failed}) is final: logged, shown on the status, and the stream is given up while the REST
 * poll goes on. Any other loss (a disconnect, {@code max_connections}, a host that cannot be reached) is retried on a
 * later tick, 5 s after the first failure and twice as long after each one after it, up to 5 minutes. The key is only
 * ever in the auth message, which is never logged.
 */
public final class PolygonStream implements MinuteStream {

    private static final Logger LOG = Logger.getLogger(PolygonStream.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    /** An all-ticker burst can be large; the clients' defaults (8 to 64 KiB) are not. */
    private static final int MAX_FRAME_CHARS = 16 * 1024 * 1024;

    private final URI url;
    private final String key;
    private final List<String> tickers;
    private final FeedStats stats;
    private final Clock clock;
    private final PolygonStreamMessages messages = new PolygonStreamMessages();

    private Session session;
    private volatile boolean refused;
    private Instant nextAttempt = Instant.MIN;
    private Duration retry = FIRST_RETRY;

    public PolygonStream(URI url, String key, List<String> tickers, FeedStats stats, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.key = Objects.requireNonNull(key, "key");
        this.tickers = List.copyOf(tickers);
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Called by one timer; the connection is made outside the lock, which the stream's callbacks take too. */
    @Override
    public void keepConnected(Listener listener) {
        Instant now = clock.instant();
        synchronized (this) {
            if (refused || (session != null && session.isOpen()) || now.isBefore(nextAttempt)) {
                return;
            }
            nextAttempt = now.plus(retry);
            retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        }
        stats.recordStreamState("connecting", url.toString());
        try {
            Session opened = ContainerProvider.getWebSocketContainer()
                    .connectToServer(new Connection(listener), ClientEndpointConfig.Builder.create().build(), url);
            synchronized (this) {
                session = opened;
            }
        } catch (DeploymentException | IOException | RuntimeException e) {
            lost("cannot connect to " + url + " (" + rootMessage(e) + "); retrying in "
                    + Duration.between(now, nextAttempt).toSeconds() + " s, bars come by REST meanwhile");
        }
    }

    @Override
    public void close() {
        Session open;
        synchronized (this) {
            open = session;
            session = null;
            nextAttempt = Instant.MIN;
        }
        if (open != null && open.isOpen()) {
            try {
                open.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "standing by"));
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the Polygon stream", e);
            }
        }
    }

    private synchronized void subscribed() {
        retry = FIRST_RETRY;
    }

    /** True (and forgotten) when this is the connection in use, false for one closed by {@link #close()} or replaced. */
    private synchronized boolean forgetIfCurrent(Session which) {
        boolean current = which == session;
        if (current) {
            session = null;
        }
        return current;
    }

    private void lost(String detail) {
        stats.recordStreamState("disconnected", detail);
        stats.recordError("Polygon stream: " + detail);
        LOG.warning("Polygon stream: " + detail);
    }

    private static void send(Session to, String message) {
        to.getAsyncRemote().sendText(message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** One connection's callbacks, on the client's threads; each connection gets its own. */
    private final class Connection extends Endpoint {

        private final Listener listener;
        private boolean subscribed;

        Connection(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
            opened.addMessageHandler(String.class, text -> frame(opened, text));
        }

        @Override
        public void onClose(Session closed, CloseReason reason) {
            listener.interrupted();
            if (forgetIfCurrent(closed) && !refused) {
                String phrase = reason.getReasonPhrase() == null || reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase();
                lost("connection closed (" + reason.getCloseCode().getCode() + phrase + "); reconnecting, bars come by REST meanwhile");
            }
        }

        @Override
        public void onError(Session failed, Throwable error) {
            LOG.warning("Polygon stream error: " + rootMessage(error));
        }

        /** A connection's messages arrive one at a time. */
        private void frame(Session from, String text) {
            PolygonStreamMessages.Frame frame = messages.read(text);
            frame.rejected().forEach(rejected -> LOG.warning("Polygon stream: rejected " + rejected.reason()));
            for (PolygonStreamMessages.Status status : frame.statuses()) {
                switch (status.status()) {
                    case "connected" -> send(from, PolygonStreamMessages.auth(key));
                    case "auth_success" -> send(from, PolygonStreamMessages.subscribe(tickers));
                    case "success" -> {
                        if (!subscribed) {
                            subscribed = true;
                            subscribed();
                            stats.recordStreamState("subscribed", status.message());
                            LOG.info("Polygon stream subscribed: minute aggregates of " + tickers.size() + " tickers from " + url);
                            listener.subscribed(clock.instant());
                        }
                    }
                    case "auth_failed" -> {
                        refused = true;
                        String detail = "Polygon refused the key on the stream (auth_failed: " + status.message()
                                + "); bars come by REST polling only. A delayed plan needs wss://delayed.massive.com/stocks"
                                + " (polygon.websocket-url)";
                        stats.recordStreamState("refused", detail);
                        stats.recordError(detail);
                        LOG.severe(detail);
                    }
                    default -> LOG.warning("Polygon stream status " + status.status() + ": " + status.message());
                }
            }
            if (subscribed && !frame.minutes().isEmpty()) {
                listener.minutes(frame.minutes());
            }
        }
    }
}
