package com.papertrader.interfaces.web.security;

import com.papertrader.application.audit.Actor;
import jakarta.servlet.http.HttpServletRequest;

/** Who sent a request that changes something, as the audit trail records it. */
public final class Callers {

    private Callers() {
    }

    /** The logged-in user (or token) and the client address: the TCP peer's, see the README on reverse proxies. */
    public static Actor actor(HttpServletRequest request) {
        return new Actor(request.getUserPrincipal().getName(), request.getRemoteAddr());
    }
}
