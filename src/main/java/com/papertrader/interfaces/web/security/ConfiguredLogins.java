package com.papertrader.interfaces.web.security;

import com.papertrader.application.security.Credentials;
import com.papertrader.application.security.LoginThrottle;
import com.papertrader.application.security.Logins;
import com.papertrader.application.security.VerifiedLogins;
import com.papertrader.application.settings.SecuritySettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The two logins from the configuration: the administrator ({@code admin.username}, {@code admin.password-hash}), in
 * roles admin and viewer, and the viewer ({@code viewer.username}, {@code viewer.password-hash}), in role viewer.
 * Every attempt, by the login form or by HTTP Basic, goes through {@link Logins}: recently verified credentials cost
 * no hash, a client address that keeps failing waits, and passwords are hashed on one thread of the server's
 * managed thread factory with {@value #WAITING_LOGINS} attempts waiting at most (more are refused with 429).
 */
@ApplicationScoped
public class ConfiguredLogins {

    /** Attempts that may wait for the hashing thread; one hash takes about 0.2 s, so the last waits about 2 s. */
    static final int WAITING_LOGINS = 8;
    private static final Logger LOG = Logger.getLogger(ConfiguredLogins.class.getName());

    @Inject
    SecuritySettings settings;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService hashing;
    private Logins logins;

    @PostConstruct
    void start() {
        hashing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(WAITING_LOGINS), threads);
        Clock clock = Clock.systemUTC();
        logins = new Logins(List.of(settings.admin(), settings.viewer()), new LoginThrottle(clock),
                new VerifiedLogins(clock, new SecureRandom()), hashing);
    }

    @PreDestroy
    void stop() {
        hashing.shutdownNow();
    }

    /**
     * One attempt from the request's client: the TCP peer's address ({@code getRemoteAddr}; behind a reverse proxy
     * that is the proxy's unless the server takes the forwarded address, see the README).
     */
    public Logins.Attempt attempt(HttpServletRequest request, String username, String password) {
        return logins.attempt(request.getRemoteAddr(), username == null ? "" : username,
                password == null ? new char[0] : password.toCharArray());
    }

    /** Says at start-up who can log in, and how to make it possible; never the password or its hash. */
    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Credentials admin = settings.admin();
        Credentials viewer = settings.viewer();
        if (admin.canLogIn()) {
            LOG.info(() -> "Admin login enabled for '" + admin.username() + "'");
        } else {
            LOG.warning("No admin password is configured: the application is read-only and nobody can change anything. "
                    + "Make a hash with `java -cp <classes> com.papertrader.application.security.PasswordHash` "
                    + "and set it as ADMIN_PASSWORD_HASH (admin.password-hash), or set ADMIN_PASSWORD in the environment.");
        }
        if (viewer.canLogIn()) {
            LOG.info(() -> "Viewer login (read-only) enabled for '" + viewer.username() + "'");
        } else {
            LOG.info("Viewer login disabled: set VIEWER_PASSWORD_HASH (viewer.password-hash) or VIEWER_PASSWORD to enable it.");
        }
        if (settings.readRequiresLogin() && !admin.canLogIn() && !viewer.canLogIn()) {
            LOG.warning(SecuritySettings.READ_REQUIRES_LOGIN + " is true but neither an admin nor a viewer password is configured: "
                    + "nobody can read any page.");
        }
    }
}
