package com.papertrader.application;

import java.util.Optional;

/** The port that says whether the database answers, for the health check. */
public interface DatabaseHealth {

    /** Empty when the database answers; else why not, safe to show (no address, no secret). */
    Optional<String> problem();

    /**
     * Cheap (nothing asked of the database): why the application does not run on the database yet (still waiting for
     * it at start, or its schema refused), empty once it does.
     */
    Optional<String> notReady();
}
