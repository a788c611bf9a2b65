package com.papertrader.application;

import jakarta.json.JsonObject;

/**
 * The other servers on the same database (several servers on PostgreSQL): a live event of this server's trading is
 * handed to them, and theirs arrive here as {@link LiveEventElsewhere}, so every server's open pages see the trading
 * of whichever server runs the desk. With one server (SQLite) there is nobody to tell.
 */
public interface OtherServers {

    /** Whether there may be other servers on this database: on SQLite there are none. */
    boolean any();

    /**
     * Hands a live event to the other servers' pages. Its values are arrays (for example {@code orders} and
     * {@code fills}); a large event may arrive as several smaller ones of the same name.
     */
    void tell(String event, JsonObject data);

    /** A live event another server's trading produced, to send to this server's open pages. */
    record LiveEventElsewhere(String event, JsonObject data) {
    }
}
