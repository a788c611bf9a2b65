package com.papertrader.domain.market;

import java.time.Instant;
import java.util.List;

/**
 * A live source of minute bars (Polygon's WebSocket), an addition to a {@link MarketFeed}: the feed stays the source of
 * truth, the stream only makes bars arrive sooner. It never connects by itself: the timer asks on each tick.
 */
public interface MinuteStream {

    /** What the stream tells its listener, on the stream's own thread: hand the work on quickly. */
    interface Listener {

        /** Subscribed: minutes flow from {@code at} (wall time) on. */
        void subscribed(Instant at);

        void minutes(List<Bar> minutes);

        /** The connection is gone; minutes may have been missed. */
        void interrupted();
    }

    /** Connects and subscribes when not connected, waiting longer after each failure; never again once the key was refused. */
    void keepConnected(Listener listener);

    /** Closes the connection (this server stopped running the desk, or is shutting down). */
    void close();
}
