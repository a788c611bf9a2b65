package com.papertrader.application.trading;

import java.time.Instant;
import java.util.Optional;

/**
 * Which of the servers sharing one database runs the trading desk: the one holding this lease polls the feed and
 * trades; the others (standby) serve the pages, the API and the admin forms from the database, and one of them takes
 * the lease when its holder dies. On SQLite there is one server, which always holds it.
 */
public interface DeskLease {

    /**
     * Whether this server holds the lease now, taking it if it is free. Cheap enough for every poll tick; it also
     * notices a lease lost with its database connection.
     */
    boolean hold();

    /** Since when this server holds the lease; empty on a standby. */
    Optional<Instant> heldSince();

    /** This server's name, for the status and the logs. */
    String node();

    /** Whether other servers may share the database, so that changes made on them must be looked for. */
    boolean shared();
}
