package com.papertrader.interfaces.web;

import com.papertrader.application.security.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import ognl.OgnlRuntime;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.WebApplicationTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders Thymeleaf templates from /WEB-INF/templates (where they cannot be fetched directly). One engine for
 * the application, built on first use because it needs the servlet context. Every page also gets {@code fmt}
 * ({@link Formats}) for money, prices and times, {@code user}: the logged-in user's name, or null, and {@code admin}:
 * whether that user may change things (else admin links and forms are left out).
 */
@ApplicationScoped
public class Pages {

    /** The formats every page gets as {@code fmt}, and the row views format with. */
    static final Formats FORMATS = new Formats();
    /** Ratios and durations of statistics (backtests, live accounts). */
    static final BacktestFormats STATISTICS = new BacktestFormats();

    private JakartaServletWebApplication application;
    private TemplateEngine engine;

    public void render(String template, Map<String, Object> model,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        TemplateEngine templates = engine(request);
        WebContext context = new WebContext(application.buildExchange(request, response), request.getLocale(), model);
        context.setVariable("fmt", FORMATS);
        context.setVariable("bt", STATISTICS);
        context.setVariable("user", request.getRemoteUser());
        context.setVariable("admin", request.isUserInRole(Credentials.ADMIN_ROLE));
        // Rendered whole (into Thymeleaf's unsynchronised string writer), then encoded and written once: the servlet
        // writer encodes each write on its own, and a template is thousands of small writes; String.getBytes encodes
        // a page in one pass. And a failing template leaves no half page behind.
        byte[] page = templates.process(template, context).getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** The error page with its status and a message saying what was wrong. */
    public void error(int status, String message, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setStatus(status);
        render("error", Map.of("status", status, "message", message), request, response);
    }

    private synchronized TemplateEngine engine(HttpServletRequest request) {
        if (engine == null) {
            application = JakartaServletWebApplication.buildApplication(request.getServletContext());
            WebApplicationTemplateResolver resolver = new WebApplicationTemplateResolver(application);
            resolver.setTemplateMode(TemplateMode.HTML);
            resolver.setPrefix("/WEB-INF/templates/");
            resolver.setSuffix(".html");
            resolver.setCharacterEncoding("UTF-8");
            resolver.setCacheable(true);
            OgnlRuntime.setCompiler(new CachingExpressionCompiler());
            OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
            TemplateEngine built = new TemplateEngine();
            built.setTemplateResolver(resolver);
            if (!request.getServletContext().getEffectiveSessionTrackingModes().contains(SessionTrackingMode.URL)) {
                built.setLinkBuilder(new CookieSessionLinks());
            }
            engine = built;
        }
        return engine;
    }

    /**
     * Links as built, not passed through {@code HttpServletResponse.encodeURL}: that call exists to add the session's
     * id to a link when sessions are tracked in URLs, and web.xml tracks them by cookie only, so it never changes a
     * link; yet Undertow makes each link absolute before it finds that out: 6 % of the Orders page's CPU in a profile (two
     * links a row). Used only while the servlet context tracks no session in URLs.
     */
    private static final class CookieSessionLinks extends StandardLinkBuilder {
        @Override
        protected String processLink(IExpressionContext context, String link) {
            return link;
        }
    }
}
