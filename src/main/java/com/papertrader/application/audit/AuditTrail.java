package com.papertrader.application.audit;

import com.papertrader.application.reporting.Page;
import com.papertrader.application.reporting.PageRequest;

/** Where admin actions are kept. Only adding and reading: the application has no way to change or remove an entry. */
public interface AuditTrail {

    void add(AuditEntry entry);

    /** How many entries there are: it only grows, by one for every admin action that completed. */
    long count();

    /** Newest first. */
    Page<AuditEntry> newestFirst(PageRequest page);
}
