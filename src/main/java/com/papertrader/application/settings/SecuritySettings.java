package com.papertrader.application.settings;

import com.papertrader.application.security.Credentials;
import java.time.Duration;

/**
 * The two logins and whether reading needs one. Passwords are never kept: only their hashes (a plain password from
 * the environment is hashed when read).
 *
 * @param readRequiresLogin  whether pages and GET /api need a login too (else only changes do)
 * @param sessionIdleTimeout a logged-in browser session unused this long ends
 * @param sessionLifetime    a logged-in browser session ends this long after the login, however busy
 * @param metricsPublic      whether /metrics may be read without a login (it shows each account's equity): for a
 *                           Prometheus that cannot send a token, on a network only it reaches
 */
public record SecuritySettings(Credentials admin, Credentials viewer, boolean readRequiresLogin, Duration sessionIdleTimeout,
                               Duration sessionLifetime, boolean metricsPublic) {

    public static final String ADMIN_USERNAME = "admin.username";
    public static final String ADMIN_PASSWORD_HASH = "admin.password-hash";
    public static final String ADMIN_PASSWORD = "admin.password";
    public static final String VIEWER_USERNAME = "viewer.username";
    public static final String VIEWER_PASSWORD_HASH = "viewer.password-hash";
    public static final String VIEWER_PASSWORD = "viewer.password";
    public static final String READ_REQUIRES_LOGIN = "security.read-requires-login";
    public static final String SESSION_IDLE_MINUTES = "session.idle-timeout-minutes";
    public static final String SESSION_LIFETIME_HOURS = "session.lifetime-hours";
    public static final String METRICS_PUBLIC = "metrics.public";

    static SecuritySettings read(SettingsReader in) {
        Credentials admin = Credentials.admin(in.required(ADMIN_USERNAME), in.password(ADMIN_PASSWORD_HASH, ADMIN_PASSWORD));
        Credentials viewer = Credentials.viewer(in.required(VIEWER_USERNAME), in.password(VIEWER_PASSWORD_HASH, VIEWER_PASSWORD));
        if (viewer.username().equals(admin.username())) {
            throw new InvalidSettingException(VIEWER_USERNAME, "must differ from " + ADMIN_USERNAME);
        }
        return new SecuritySettings(admin, viewer, in.bool(READ_REQUIRES_LOGIN), Duration.ofMinutes(in.positiveInt(SESSION_IDLE_MINUTES)),
                Duration.ofHours(in.positiveInt(SESSION_LIFETIME_HOURS)), in.bool(METRICS_PUBLIC));
    }
}
