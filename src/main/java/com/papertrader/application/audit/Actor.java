package com.papertrader.application.audit;

import java.util.Objects;

/**
 * Who asks for a change: the logged-in user (or API token) and the client address the request came from (the TCP
 * peer's, see the README on reverse proxies).
 */
public record Actor(String user, String address) {

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(address, "address");
    }
}
