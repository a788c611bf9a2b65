package com.papertrader.interfaces.web.security;

import com.papertrader.application.security.CsrfToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Gives every page the session's CSRF token (request attribute {@code _csrf}, for the forms' hidden field and the
 * layout's meta tag) and refuses a state-changing request that comes with a session cookie but does not send the
 * token back, as form field {@code _csrf} or header {@code X-CSRF-Token}. A forged request rides on the cookie the
 * browser adds by itself; a request without one has no login to abuse (the admin constraint refuses it), and one
 * authenticated by an Authorization header is exempt because a page of another site cannot set that header.
 * Only the login page starts a session (its form is the one an anonymous visitor posts); every other form is behind
 * the login, which keeps its session. Read-only pages for anonymous visitors create nothing: no session per page
 * view for a crawler or a dashboard left open, and no random token drawn for it.
 */
public class CsrfFilter extends HttpFilter {

    public static final String ATTRIBUTE = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String SESSION_KEY = CsrfFilter.class.getName();
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token for the session, e.g. after a login, so a token seen before it is worthless. */
    static String renew(HttpSession session) {
        String token = CsrfToken.generate(RANDOM);
        session.setAttribute(SESSION_KEY, token);
        return token;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(path.equals(LoginServlet.PATH));
        String token = session == null ? null : (String) session.getAttribute(SESSION_KEY);
        if (session != null && token == null) {
            token = renew(session);
        }
        boolean ridesOnSession = request.getRequestedSessionId() != null;
        if (!SAFE_METHODS.contains(request.getMethod()) && ridesOnSession && !PaperTraderAuthentication.byHeader(request)) {
            String sent = request.getHeader(HEADER) != null ? request.getHeader(HEADER) : request.getParameter(ATTRIBUTE);
            if (!CsrfToken.matches(token, sent)) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "The form had expired or did not come from this site: reload the page and try again.");
                return;
            }
        }
        if (token != null) {
            request.setAttribute(ATTRIBUTE, token);
        }
        chain.doFilter(request, response);
    }
}
