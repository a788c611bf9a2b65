package com.papertrader.interfaces.web.admin;

import com.papertrader.application.notification.InvalidWebhookException;
import com.papertrader.application.notification.Webhook;
import com.papertrader.application.notification.WebhookDelivery;
import com.papertrader.application.notification.WebhookFormat;
import com.papertrader.application.notification.Webhooks;
import com.papertrader.application.reporting.InvalidQueryException;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.interfaces.web.PageLinks;
import com.papertrader.interfaces.web.Pages;
import com.papertrader.interfaces.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The webhooks: listed with a form to add one (URL, notifications, secret, format), a test delivery and a delete
 * (after a confirmation) for each, and each one's delivery log at /admin/webhooks/{id}. The changes are audited.
 */
@WebServlet({"/admin/webhooks", "/admin/webhooks/*"})
public class AdminWebhooksServlet extends HttpServlet {

    private static final String PAGE = "/admin/webhooks";
    private static final Pattern LOG = Pattern.compile("/(w[0-9a-f]{12})");
    private static final Pattern DELETE = Pattern.compile("/(w[0-9a-f]{12})/delete");
    private static final Pattern TEST = Pattern.compile("/(w[0-9a-f]{12})/test");

    @Inject
    Pages pages;

    @Inject
    Webhooks webhooks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInfo(request);
        Matcher log = LOG.matcher(path);
        Matcher delete = DELETE.matcher(path);
        if (path.isEmpty()) {
            list(request, response, new HashMap<>());
        } else if (log.matches()) {
            deliveries(request, response, log.group(1));
        } else if (delete.matches() && webhooks.webhook(delete.group(1)).isPresent()) {
            Webhook webhook = webhooks.webhook(delete.group(1)).get();
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Delete webhook " + webhook.getName());
            model.put("consequence", "Nothing more is sent to " + webhook.getShownUrl() + ", and its delivery log is deleted with it,"
                    + " the deliveries still waiting too.");
            model.put("action", PAGE + path);
            model.put("back", PAGE);
            pages.render("admin/confirm", model, request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathInfo(request);
        Matcher delete = DELETE.matcher(path);
        Matcher test = TEST.matcher(path);
        if (path.isEmpty()) {
            create(request, response);
        } else if (delete.matches()) {
            if (webhooks.delete(delete.group(1), Callers.actor(request))) {
                response.sendRedirect(request.getContextPath() + PAGE + "?deleted=" + delete.group(1));
            } else {
                refused(request, response, "There is no webhook " + delete.group(1) + " to delete (deleted already?).");
            }
        } else if (test.matches()) {
            if (webhooks.test(test.group(1), Callers.actor(request))) {
                response.sendRedirect(request.getContextPath() + PAGE + "/" + test.group(1) + "?tested");
            } else {
                refused(request, response, "There is no webhook " + test.group(1) + " to test.");
            }
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] events = request.getParameterValues("events");
        Webhooks.Request asked = new Webhooks.Request(request.getParameter("name"), request.getParameter("url"),
                events == null ? List.of() : Arrays.asList(events), request.getParameter("secret"), request.getParameter("format"));
        try {
            Webhook created = webhooks.create(asked, Set.of(request.getLocalPort()), Callers.actor(request));
            response.sendRedirect(request.getContextPath() + PAGE + "?created=" + created.getId());
        } catch (InvalidWebhookException e) {
            Map<String, Object> model = new HashMap<>();
            model.put("error", e.getMessage());
            model.put("errorField", e.field());
            model.put("asked", asked); // the secret is not sent back: it is typed again
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            list(request, response, model);
        }
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("error", message);
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        list(request, response, model);
    }

    private void list(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model) throws IOException {
        model.put("webhooks", webhooks.all());
        model.put("types", Webhooks.subscribable());
        model.put("formats", WebhookFormat.values());
        model.putIfAbsent("asked", new Webhooks.Request("", "", List.of("fill"), "", "JSON"));
        notice(request, "created", "Webhook %s saved: send it a test delivery to check the receiver.").ifPresent(text -> model.put("notice", text));
        notice(request, "deleted", "Webhook %s deleted.").ifPresent(text -> model.put("notice", text));
        pages.render("admin/webhooks", model, request, response);
    }

    private void deliveries(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        Optional<Webhook> webhook = webhooks.webhook(id);
        if (webhook.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", webhook.get());
        try {
            Page<WebhookDelivery> page = webhooks.deliveries(id, PageRequest.parse(request::getParameter));
            model.put("page", page);
            model.put("links", PageLinks.of(PAGE + "/" + id, Map.of(), page));
        } catch (InvalidQueryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("error", e.getMessage());
        }
        if (request.getParameter("tested") != null) {
            model.put("notice", "A test delivery is on its way: it shows here once sent (reload).");
        }
        pages.render("admin/webhook-deliveries", model, request, response);
    }

    private static Optional<String> notice(HttpServletRequest request, String parameter, String text) {
        return Optional.ofNullable(request.getParameter(parameter)).filter(id -> id.matches("w[0-9a-f]{12}")).map(text::formatted);
    }

    private static String pathInfo(HttpServletRequest request) {
        return request.getPathInfo() == null ? "" : request.getPathInfo();
    }
}
