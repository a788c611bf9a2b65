package com.papertrader.interfaces.web.admin;

import com.papertrader.application.audit.Audit;
import com.papertrader.application.audit.AuditEntry;
import com.papertrader.application.reporting.InvalidQueryException;
import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;
import com.papertrader.interfaces.web.PageLinks;
import com.papertrader.interfaces.web.Pages;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The audit trail, newest first, page by page: who did what, when, from where. Read only. */
@WebServlet("/admin/audit")
public class AdminAuditServlet extends HttpServlet {

    @Inject
    Pages pages;

    @Inject
    Audit audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> model = new HashMap<>();
        try {
            Page<AuditEntry> page = audit.newestFirst(PageRequest.parse(request::getParameter));
            model.put("page", page);
            model.put("links", PageLinks.of("/admin/audit", Map.of(), page));
        } catch (InvalidQueryException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.put("error", e.getMessage());
        }
        pages.render("admin/audit", model, request, response);
    }
}
