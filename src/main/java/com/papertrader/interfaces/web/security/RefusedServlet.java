package com.papertrader.interfaces.web.security;

import com.papertrader.interfaces.rest.ApiErrors;
import com.papertrader.interfaces.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The page for a refused request (web.xml maps statuses 403 and 429 here): the error page saying why, e.g. that the
 * viewer may read but not change anything, a CSRF refusal's message, or how long an address that kept failing to log in
 * must wait; {@code {"error": ...}} for /api. Headers set before the refusal (Retry-After) stay.
 */
@WebServlet(RefusedServlet.PATH)
public class RefusedServlet extends HttpServlet {

    static final String PATH = "/refused";

    @Inject
    Pages pages;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String refusedUri)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code : HttpServletResponse.SC_FORBIDDEN;
        String message = message(request);
        if (refusedUri.startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ApiErrors.document(message).toString());
            return;
        }
        // The refusal came before the CSRF filter ran: give the page's logout form the session's token all the same.
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CsrfFilter.SESSION_KEY) instanceof String token) {
            request.setAttribute(CsrfFilter.ATTRIBUTE, token);
        }
        pages.error(status, message, request, response);
    }

    /** The refusal's own message (the CSRF filter's, the throttle's), else why the login does not reach: it is not the admin's. */
    private static String message(HttpServletRequest request) {
        Object given = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (given instanceof String text && !text.isBlank() && !text.equalsIgnoreCase("Forbidden")) {
            return text;
        }
        return request.getRemoteUser() != null
                ? "'" + request.getRemoteUser() + "' may read but not change anything: this needs the admin login."
                : "This needs the admin login.";
    }
}
