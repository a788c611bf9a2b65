package com.papertrader.interfaces.web.security;

import com.papertrader.application.security.Logins;
import com.papertrader.application.settings.SecuritySettings;
import com.papertrader.interfaces.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The login form (GET /login) and its check (POST /login), which returns to the page asked for. */
@WebServlet(LoginServlet.PATH)
public class LoginServlet extends HttpServlet {

    static final String PATH = "/login";

    /** Longer input is not worth hashing. */
    private static final int MAX_INPUT = 1000;

    @Inject
    Pages pages;

    @Inject
    SecuritySettings settings;

    @Inject
    ConfiguredLogins logins;

    @Inject
    Sessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        form(request, response, "", null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = value(request, "username");
        String password = value(request, "password");
        Logins.Attempt attempt = logins.attempt(request, username, password);
        if (attempt instanceof Logins.Throttled throttled) {
            long seconds = PaperTraderAuthentication.retryAfterSeconds(throttled);
            response.setStatus(PaperTraderAuthentication.TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", Long.toString(seconds));
            form(request, response, username, "Too many failed logins from your address: try again in " + seconds + " seconds.");
            return;
        }
        if (!(attempt instanceof Logins.Valid valid)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            form(request, response, username, "Wrong user name or password.");
            return;
        }
        sessions.logIn(request, valid.login());
        response.sendRedirect(request.getContextPath() + safeNext(request.getParameter("next")));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, String username, String error)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("loginPossible", settings.admin().canLogIn() || settings.viewer().canLogIn());
        model.put("username", username);
        model.put("next", safeNext(request.getParameter("next")));
        model.put("error", error);
        pages.render("security/login", model, request, response);
    }

    private static String value(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.length() > MAX_INPUT ? "" : value;
    }

    /** Only a path of this application: never another site (//host, /\host, http:...). */
    static String safeNext(String next) {
        return next != null && next.matches("/(?![/\\\\])[^\\s]{0,2000}") ? next : "/";
    }
}
