package com.papertrader.interfaces.web.admin;

import com.papertrader.application.security.ApiTokens;
import com.papertrader.application.security.TokenRole;
import com.papertrader.interfaces.web.Pages;
import com.papertrader.interfaces.web.security.Callers;
import com.papertrader.interfaces.web.security.Sessions;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may get in besides the configured logins: API tokens (listed; made with a name and a role, the token shown once;
 * revoked after a confirmation) and "log out everywhere", which ends every browser login. Each change is audited.
 */
@WebServlet({"/admin/access", "/admin/access/*"})
public class AdminAccessServlet extends HttpServlet {

    private static final String PAGE = "/admin/access";
    private static final Pattern REVOKE = Pattern.compile("/tokens/(t[0-9a-f]{12})/revoke");
    private static final String END_SESSIONS = "/sessions/end";

    @Inject
    Pages pages;

    @Inject
    ApiTokens tokens;

    @Inject
    Sessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInfo(request);
        Matcher revoke = REVOKE.matcher(path);
        if (path.isEmpty()) {
            page(request, response, new HashMap<>());
        } else if (revoke.matches()) {
            confirm(request, response, "Revoke token " + revoke.group(1), "Requests made with token " + revoke.group(1)
                    + " are refused (401) from now on; it cannot be used again.");
        } else if (path.equals(END_SESSIONS)) {
            confirm(request, response, "Log out everywhere", "Ends every browser login, yours too: everyone logs in again. "
                    + "API tokens and HTTP Basic credentials keep working.");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInfo(request);
        Matcher revoke = REVOKE.matcher(path);
        Map<String, Object> model = new HashMap<>();
        if (path.equals("/tokens")) {
            String name = request.getParameter("name");
            model.put("name", name);
            try {
                ApiTokens.Issued issued = tokens.issue(name, role(request.getParameter("role")), Callers.actor(request));
                model.put("issued", issued);
                model.put("name", "");
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.put("error", e.getMessage());
            }
            // The new token is on this answer only: no redirect, and the page must not be cached.
            response.setHeader("Cache-Control", "no-store");
            page(request, response, model);
        } else if (revoke.matches()) {
            if (!tokens.revoke(revoke.group(1), Callers.actor(request))) {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                model.put("error", "There is no token " + revoke.group(1) + " to revoke (revoked already?).");
                page(request, response, model);
                return;
            }
            response.sendRedirect(request.getContextPath() + PAGE + "?revoked=" + revoke.group(1));
        } else if (path.equals(END_SESSIONS)) {
            sessions.endAll(Callers.actor(request));
            response.sendRedirect(request.getContextPath() + "/login?next=" + PAGE);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model) throws IOException {
        model.put("tokens", tokens.all());
        model.put("roles", TokenRole.values());
        model.putIfAbsent("name", "");
        String revoked = request.getParameter("revoked");
        if (revoked != null && revoked.matches("t[0-9a-f]{12}")) {
            model.put("notice", "Token " + revoked + " revoked.");
        }
        pages.render("admin/access", model, request, response);
    }

    private void confirm(HttpServletRequest request, HttpServletResponse response, String title, String consequence)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("consequence", consequence);
        model.put("action", PAGE + pathInfo(request));
        model.put("back", PAGE);
        pages.render("admin/confirm", model, request, response);
    }

    /** The role picked in the form: ADMIN or VIEWER, nothing else. */
    private static TokenRole role(String value) {
        if (value == null) {
            throw new IllegalArgumentException("Choose the token's role: ADMIN or VIEWER.");
        }
        try {
            return TokenRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose the token's role: ADMIN or VIEWER.", e);
        }
    }

    private static String pathInfo(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }
}
