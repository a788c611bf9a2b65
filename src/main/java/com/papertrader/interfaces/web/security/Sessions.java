package com.papertrader.interfaces.web.security;

import com.papertrader.application.audit.Actor;
import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditAction;
import com.papertrader.application.security.Credentials;
import com.papertrader.application.security.SessionLifetime;
import com.papertrader.application.settings.SecuritySettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Browser logins: made under a new session id (so a session id planted before the login is worthless), ended after
 * {@code session.idle-timeout-minutes} unused or {@code session.lifetime-hours} after the login, and all at once by the
 * admin's "log out everywhere". Logins live in this server's memory, as its sessions do.
 */
@ApplicationScoped
public class Sessions {

    private static final String SESSION_LOGIN = Sessions.class.getName() + ".login";

    @Inject
    SecuritySettings settings;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    private SessionLifetime lifetime;

    /** Who logged in with the form, when, and the roles the login gave them. */
    record SessionLogin(String user, Set<String> roles, Instant loggedInAt) implements Serializable {
    }

    @PostConstruct
    void start() {
        lifetime = new SessionLifetime(settings.sessionLifetime());
    }

    void logIn(HttpServletRequest request, Credentials login) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.setMaxInactiveInterval((int) settings.sessionIdleTimeout().toSeconds());
        session.setAttribute(SESSION_LOGIN, new SessionLogin(login.username(), login.roles(), clock.instant()));
        CsrfFilter.renew(session);
    }

    /** The request's login, if its session holds one still valid; a login past its lifetime ends its session. */
    Optional<SessionLogin> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_LOGIN) instanceof SessionLogin login)) {
            return Optional.empty();
        }
        if (lifetime.holds(login.loggedInAt(), clock.instant())) {
            return Optional.of(login);
        }
        session.invalidate();
        return Optional.empty();
    }

    /** Log out everywhere: every browser login made until now, the caller's own too, must log in again. */
    public void endAll(Actor actor) {
        lifetime.endAll(clock.instant());
        audit.record(actor, AuditAction.SESSIONS_ENDED, "browser logins", "every login made until now ended");
    }
}
