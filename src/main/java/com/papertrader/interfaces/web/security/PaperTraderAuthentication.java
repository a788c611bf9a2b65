package com.papertrader.interfaces.web.security;

import com.papertrader.application.security.ApiToken;
import com.papertrader.application.security.ApiTokens;
import com.papertrader.application.security.Logins;
import com.papertrader.application.settings.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who is calling, on every request: a script sends an API token ({@code Authorization: Bearer pt_...}, see
 * {@link ApiTokens}) or the admin's or the viewer's credentials as HTTP Basic ({@code Authorization: Basic}); a browser
 * logs in with the form at /login, which keeps the user and the roles in the session ({@link Sessions}). A request that
 * needs a login and has none is sent to /login (pages) or answered 401 (/api, /metrics), as is any Authorization header that is
 * not a valid token or credential. No {@code WWW-Authenticate} challenge is ever sent, so a browser never asks for and
 * caches Basic credentials. Which requests need the admin role is in web.xml; a login without it gets 403 there.
 */
@ApplicationScoped
public class PaperTraderAuthentication implements HttpAuthenticationMechanism {

    private static final String BY_HEADER = PaperTraderAuthentication.class.getName() + ".byHeader";
    private static final String BASIC = "Basic";
    private static final String BEARER = "Bearer";
    static final int TOO_MANY_REQUESTS = 429;
    /** Prometheus' metrics: they show each account's equity, so they need a login unless configured public. */
    private static final String METRICS = "/metrics";
    private static final Logger LOG = Logger.getLogger(PaperTraderAuthentication.class.getName());

    @Inject
    ConfiguredLogins logins;

    @Inject
    ApiTokens tokens;

    @Inject
    Sessions sessions;

    @Inject
    SecuritySettings settings;

    /** Whether this request was authenticated by its Authorization header (so it needs no CSRF token). */
    static boolean byHeader(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(BY_HEADER));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return byHeader(authorization.strip(), request, response, context);
        }
        Optional<Sessions.SessionLogin> login = sessions.current(request);
        if (login.isPresent()) {
            return context.notifyContainerAboutLogin(login.get().user(), login.get().roles());
        }
        String path = path(request);
        if (context.isProtected() || (path.equals(METRICS) ? !settings.metricsPublic() : settings.readRequiresLogin() && !openToAll(path))) {
            SecurityHeadersFilter.apply(response);
            return path.startsWith("/api/") || path.equals(METRICS) ? context.responseUnauthorized()
                    : context.redirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(next(request), StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /**
     * A request that says who it is: a Bearer token or Basic credentials. Anything else, or anything malformed, is a
     * plain 401: the caller meant to log in, so it is not served as anonymous.
     */
    private AuthenticationStatus byHeader(String authorization, HttpServletRequest request, HttpServletResponse response,
                                          HttpMessageContext context) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase(BEARER)) {
            Optional<ApiToken> token = tokens.authenticate(credentials);
            if (token.isPresent()) {
                request.setAttribute(BY_HEADER, Boolean.TRUE);
                return context.notifyContainerAboutLogin(token.get().principal(), token.get().getRole().roles());
            }
        } else if (scheme.equalsIgnoreCase(BASIC)) {
            String[] credential = basicCredential(credentials);
            Logins.Attempt attempt = logins.attempt(request, credential[0], credential[1]);
            if (attempt instanceof Logins.Valid valid) {
                request.setAttribute(BY_HEADER, Boolean.TRUE);
                return context.notifyContainerAboutLogin(valid.login().username(), valid.login().roles());
            }
            if (attempt instanceof Logins.Throttled throttled) {
                SecurityHeadersFilter.apply(response);
                return tooManyAttempts(response, throttled);
            }
        }
        SecurityHeadersFilter.apply(response);
        return context.responseUnauthorized();
    }

    /** 429 with Retry-After (whole seconds, rounded up), the message shown by {@link RefusedServlet}; the attempt was not checked. */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, Logins.Throttled throttled) {
        long seconds = retryAfterSeconds(throttled);
        response.setHeader("Retry-After", Long.toString(seconds));
        try {
            response.sendError(TOO_MANY_REQUESTS, "too many failed logins from this address; try again in " + seconds + " s");
        } catch (IOException e) {
            LOG.fine(() -> "The 429 answer could not be sent: " + e.getMessage());
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The wait in whole seconds, at least one, as Retry-After takes it. */
    static long retryAfterSeconds(Logins.Throttled throttled) {
        return Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
    }

    /** What a browser may load without a login even when reading needs one. */
    private static boolean openToAll(String path) {
        return path.equals("/login") || path.equals("/health") || path.startsWith("/static/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** Where to return after the login: the page asked for, or (for a form post) the page it came from. */
    private static String next(HttpServletRequest request) {
        String path = path(request);
        return "GET".equals(request.getMethod()) && request.getQueryString() != null ? path + "?" + request.getQueryString() : path;
    }

    /** user:password in Base64, as {user, password}; anything malformed becomes a pair that cannot match. */
    private static String[] basicCredential(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? new String[] {"", ""} : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
